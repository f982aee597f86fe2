"""The tables each workload loads, shared by every engine: the insurance tables with the declared types of
DATA-MODEL.md, and the eight TPC-H tables, whose column types each engine infers from the CSV files.

A table is (name, columns): columns is a list of (column, SQL type), or None for types inferred."""

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

# As tpchgen-cli writes them (region.csv ... lineitem.csv), smallest first.
TPCH_TABLES = {name: None for name in
               ("region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem")}


def csv_path(data_dir, table):
    return f"{data_dir}/{table}.csv"
