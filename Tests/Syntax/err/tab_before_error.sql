SELECT	name,		FROM persons;
