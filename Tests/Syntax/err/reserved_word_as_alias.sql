SELECT amount AS from FROM payments;
