import CMalloc

/// Hands memory freed by a load back to the system.
///
/// glibc raises its mmap threshold after a large block is freed, so the CSV chunk buffers and chunk columns
/// of an import end up on heaps that keep their pages after `free`: an imported table then held 1.8 to 3.3
/// times its column bytes (`.memory`). Trimming once after a load brings that to 1.0–1.2. Fixing the
/// threshold instead (`mallopt`) also worked but made queries 5–15 % slower, since every large query
/// buffer then costs a fresh mapping.
enum FreedMemory {
    static func release() {
        _ = malloc_trim(0)
    }
}
