"""The declared types of the three tables (DATA-MODEL.md), shared by every engine."""

TABLES = {
    "regions": [
        ("region_code", "TEXT"), ("country", "TEXT"), ("province", "TEXT"), ("city", "TEXT"),
        ("district", "TEXT"), ("population", "BIGINT"),
    ],
    "persons": [
        ("person_id", "BIGINT"), ("name", "TEXT"), ("sex", "TEXT"), ("birth_date", "DATE"),
        ("region_code", "TEXT"), ("registered_province", "TEXT"), ("residence", "TEXT"),
        ("category", "TEXT"), ("employer", "TEXT"), ("enrolled_on", "DATE"), ("status", "TEXT"),
    ],
    "payments": [
        ("payment_id", "BIGINT"), ("person_id", "BIGINT"), ("scheme", "TEXT"), ("kind", "TEXT"),
        ("period", "DATE"), ("amount", "DECIMAL(14,2)"), ("currency", "TEXT"), ("due_on", "DATE"),
        ("paid_on", "DATE"), ("channel", "TEXT"),
    ],
}


def csv_path(data_dir, table):
    return f"{data_dir}/{table}.csv"
