/// Placeholder until the sample generator lands.
enum InsqDataPlaceholder {}
