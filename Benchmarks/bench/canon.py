"""Canonical result rows, so that the engines' answers can be compared.

Numbers (integers, decimals, doubles) become decimal text rounded to 6 places with trailing zeros
dropped (`42.9000000` and `42.9` agree; `-0` is `0`); dates are ISO text (insq prints them so, the
workers send `isoformat()`); NULL is the token NULL. Rows are compared in order when the query's ORDER BY
is total (every query here, unless its file says `-- order: partial`), as sorted lists otherwise."""
from collections import Counter
from decimal import Decimal, InvalidOperation

PLACES = Decimal("1e-6")


def number(value):
    try:
        text = str(value)
        rounded = Decimal(text).quantize(PLACES)
    except (InvalidOperation, ValueError):
        return str(value)
    if rounded == 0:
        return "0"
    return format(rounded.normalize(), "f")


def cell(value, numeric):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if numeric or isinstance(value, (int, float, Decimal)):
        return number(value)
    return str(value)


def rows(answer):
    return [tuple(cell(value, numeric) for value, numeric in zip(row, answer.numeric)) for row in answer.rows]


def compare(reference, other, ordered, names=("reference", "other"), limit=8, tolerance=None):
    """None when `other` equals `reference`, else a short description of the difference. With a tolerance
    (relative, absolute), numbers agree when they differ by at most the larger of `absolute` and `relative`
    times the larger magnitude; unordered rows are then paired after sorting both sides."""
    if reference == other:
        return None
    if tolerance and len(reference) == len(other):
        pairs = zip(reference, other) if ordered else zip(sorted(reference), sorted(other))
        if all(_rows_close(a, b, tolerance) for a, b in pairs):
            return None
    lines = []
    width_ref = {len(row) for row in reference}
    width_other = {len(row) for row in other}
    if reference and other and width_ref != width_other:
        lines.append(f"column count {sorted(width_other)} vs {sorted(width_ref)}")
    missing = Counter(reference) - Counter(other)
    extra = Counter(other) - Counter(reference)
    if not missing and not extra:
        if not ordered:
            return None
        for index, (a, b) in enumerate(zip(reference, other)):
            if a != b:
                lines.append(f"same rows, different order; first difference at row {index + 1}: "
                             f"{_show(b)} instead of {_show(a)}")
                break
        return "\n".join(lines)
    lines.append(f"{names[1]} {len(other)} rows, {names[0]} {len(reference)}; "
                 f"{sum(extra.values())} only in {names[1]}, {sum(missing.values())} only in {names[0]}")
    for row in list(extra.elements())[:limit]:
        lines.append(f"  {names[1]:>8}: {_show(row)}")
    for row in list(missing.elements())[:limit]:
        lines.append(f"  {names[0]:>8}: {_show(row)}")
    return "\n".join(lines)


def _rows_close(a, b, tolerance):
    return len(a) == len(b) and all(x == y or _numbers_close(x, y, tolerance) for x, y in zip(a, b))


def _numbers_close(x, y, tolerance):
    try:
        a, b = Decimal(x), Decimal(y)
    except InvalidOperation:
        return False
    if not (a.is_finite() and b.is_finite()):
        return False
    relative, absolute = tolerance
    return abs(a - b) <= max(Decimal(str(absolute)), Decimal(str(relative)) * max(abs(a), abs(b)))


def _show(row):
    return "(" + ", ".join(row) + ")"
