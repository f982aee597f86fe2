import CLibEdit
import InsqShell
/// Placeholder until the line editor lands.
enum InsqLineEditorPlaceholder {}
