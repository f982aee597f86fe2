import InsqStorage
#if canImport(Glibc)
import Glibc
#endif
import InsqSyntax

/// Today's date, read once per process (current_date, age with one argument).
enum Today {
    static var dayNumber: Int32 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int32(truncatingIfNeeded: Int(now.tv_sec) / 86_400)
    }
}

/// Argument and result types of scalar functions.
enum FunctionTyping {
    static func bind(_ f: ScalarFunction, name: String, _ args: [BoundExpression], _ ranges: [SourceRange],
                     range: SourceRange) throws -> BoundExpression {
        func need(_ i: Int, _ type: DataType, _ what: String) throws -> BoundExpression {
            let a = args[i]
            if a.type == type { return a }
            if a.type == .null { return .constant(.null, type) }
            if case .constant(.text, _) = a, type == .date { return try TypeRules.coerce(a, to: .date, range: ranges[i]) }
            throw TypeRules.error("\(name)() needs \(what), got \(a.type)", ranges[i])
        }
        func nullResult(_ t: DataType) -> BoundExpression? {
            args.contains { $0.type == .null && $0.isConstant } ? .constant(.null, t) : nil
        }
        switch f {
        case .year, .month, .day:
            let d = try need(0, .date, "a DATE")
            return nullResult(.bigint) ?? .function(f, [d], .bigint)
        case .lower, .upper:
            let t = try need(0, .text, "TEXT")
            return nullResult(.text) ?? .function(f, [t], .text)
        case .length:
            let t = try need(0, .text, "TEXT")
            return nullResult(.bigint) ?? .function(f, [t], .bigint)
        case .substr:
            var bound = [try need(0, .text, "TEXT")]
            for i in 1..<args.count { bound.append(try need(i, .bigint, "a BIGINT position or length")) }
            return nullResult(.text) ?? .function(f, bound, .text)
        case .coalesce:
            let type = try TypeRules.unify(Array(zip(args, ranges)), what: "coalesce() arguments")
            let coerced = try zip(args, ranges).map { try TypeRules.coerce($0, to: type, range: $1) }
            return .function(f, coerced, type)
        case .dateTrunc:
            guard case let .constant(.text(unit), _) = args[0], ["day", "month", "year"].contains(unit.lowercased()) else {
                throw TypeRules.error("date_trunc() takes 'day', 'month' or 'year' as its first argument", ranges[0])
            }
            let d = try need(1, .date, "a DATE")
            return nullResult(.date) ?? .function(f, [.constant(.text(unit.lowercased()), .text), d], .date)
        case .age:
            let birth = try need(0, .date, "a DATE")
            let at = args.count > 1 ? try need(1, .date, "a DATE") : .constant(.date(Today.dayNumber), .date)
            return nullResult(.bigint) ?? .function(f, [birth, at], .bigint)
        case .abs:
            guard args[0].type.isNumeric || args[0].type == .null else {
                throw TypeRules.error("abs() needs a number, got \(args[0].type)", ranges[0])
            }
            return args[0].type == .null ? .constant(.null, .bigint) : .function(f, args, args[0].type)
        case .round:
            let x = args[0]
            guard x.type.isNumeric || x.type == .null else {
                throw TypeRules.error("round() needs a number, got \(x.type)", ranges[0])
            }
            var digits: Int64 = 0
            if args.count > 1 {
                guard case let .constant(.bigint(d), _) = args[1] else {
                    throw TypeRules.error("round() takes a constant whole number of digits", ranges[1])
                }
                digits = d
            }
            if x.type == .null { return .constant(.null, .double) }
            let type: DataType
            if case let .decimal(p, s) = x.type {
                type = .decimal(precision: p, scale: max(0, min(Int(clamping: digits), s)))
            } else {
                type = x.type
            }
            return .function(f, [x, .constant(.bigint(digits), .bigint)], type)
        }
    }
}
