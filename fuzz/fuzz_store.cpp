// The RAG store reader: any bytes as the SQLite file behind `--db`, opened the way commands
// open it, then `hlsv rag check`'s integrity and invariant checks and the stats query.
#include "fuzz_support.h"
#include "rag/rag.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hlsv;
    fs::path p = fuzz::scratch() / "store.db";
    for (const char* side : {"-wal", "-shm"}) {
        fs::remove(p.string() + side);
    }
    fuzz::put("store.db", fuzz::text(data, size));
    return fuzz::guarded([&] {
        rag::require_store_or_absent(p);
        rag::StoreOptions o;
        o.seed = false;
        auto store = rag::Store::open(p, o);
        (void)store.check();
        (void)store.stats();
    });
}
