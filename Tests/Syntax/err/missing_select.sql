persons WHERE status = 'active';
