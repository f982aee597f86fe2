import InsqQuery
/// Placeholder until the session lands.
enum InsqShellPlaceholder {}
