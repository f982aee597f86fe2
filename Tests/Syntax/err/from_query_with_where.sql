FROM persons WHERE status = 'active';
