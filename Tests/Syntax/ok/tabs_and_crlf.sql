SELECT	name,
	status
FROM	persons;
