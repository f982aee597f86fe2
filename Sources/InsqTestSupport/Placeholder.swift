import InsqShell
/// Placeholder.
enum InsqTestSupportPlaceholder {}
