// Fuzz target: load -> save -> load. When the first load succeeds, the saved text must load
// again without problems and save to the same bytes (the canonical form is a fixed point),
// so nothing a file can hold is lost or changed by saving it.

#include "format/projectreader.h"
#include "format/projectwriter.h"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    spdlog::set_level(spdlog::level::warn); // "migrating…" for every old-version input is noise
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const claimline::LoadResult first = claimline::readProject(bytes);
    if (first.internalError)
        std::abort(); // something in the reader threw: the load boundary hid a bug
    if (!first.ok())
        return 0;
    const std::string saved = claimline::projectToString(*first.project);
    const claimline::LoadResult second = claimline::readProject(saved);
    if (!second.ok())
        std::abort(); // we wrote a file we cannot read
    if (claimline::projectToString(*second.project) != saved)
        std::abort(); // the second save differs from the first
    return 0;
}
