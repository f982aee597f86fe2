CREATE TABLE visits (
  person_id BIGINT NOT NULL,
  visited_on DATE,
  fee DECIMAL(8, 2) NULL,
  note VARCHAR(200),
  "Paid?" BOOLEAN
);
CREATE TABLE IF NOT EXISTS if (values TEXT, to INT);
