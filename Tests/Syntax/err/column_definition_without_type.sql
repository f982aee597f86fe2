CREATE TABLE t (id BIGINT, name);
