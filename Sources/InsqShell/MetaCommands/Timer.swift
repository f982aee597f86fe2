/// `.timer on|off`: whether each statement's run time is printed.
extension Session {
    func setTimer(_ arguments: [String]) throws {
        guard arguments.count == 1 else {
            throw MetaCommandError(message: "usage: .timer on|off")
        }
        switch arguments[0].lowercased() {
        case "on", "1", "true", "yes": isTimerOn = true
        case "off", "0", "false", "no": isTimerOn = false
        default: throw MetaCommandError(message: "usage: .timer on|off (not \"\(arguments[0])\")")
        }
    }
}
