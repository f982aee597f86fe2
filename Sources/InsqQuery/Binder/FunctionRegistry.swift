/// The names of functions the language knows, with their argument counts, for binding and suggestions.
enum FunctionRegistry {
    static let scalar: [String: (function: ScalarFunction, arity: ClosedRange<Int>)] = [
        "year": (.year, 1...1), "month": (.month, 1...1), "day": (.day, 1...1),
        "lower": (.lower, 1...1), "upper": (.upper, 1...1), "length": (.length, 1...1),
        "substr": (.substr, 2...3), "substring": (.substr, 2...3),
        "coalesce": (.coalesce, 1...64), "round": (.round, 1...2), "abs": (.abs, 1...1),
        "date_trunc": (.dateTrunc, 2...2), "age": (.age, 1...2),
    ]

    static let aggregates: [String: AggregateFunction] = [
        "count": .count, "sum": .sum, "avg": .avg, "min": .min, "max": .max,
    ]

    /// Functions written without parentheses, evaluated once per statement.
    static let niladic: Set<String> = ["current_date"]

    static var allNames: [String] { Array(scalar.keys) + Array(aggregates.keys) + Array(niladic) }
}
