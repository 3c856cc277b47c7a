// Fuzz target: the conversion of older format versions, on its own. The loader reaches it only
// for inputs whose first read finds a clean version-0 file; this target hands any JSON document
// to the conversion at once (as a version-0 file unless it names a version itself), then reads
// what the conversion made. The conversion reads file data through a DOM: nothing it does may
// throw, and it either converts or says why; a converted document reads as a project or gives
// problems, never an internal error.

#include "format/migration.h"
#include "format/projectreader.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    spdlog::set_level(spdlog::level::warn); // "migrating…" for every input is noise
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    nlohmann::json document = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded())
        return 0;
    if (document.is_object() && !document.contains("version"))
        document["version"] = 0;
    // No try here: an exception is a finding (libFuzzer reports the abort it ends in).
    claimline::Problems problems;
    if (!claimline::migrateToCurrent(document, problems)) {
        if (problems.empty())
            std::abort(); // refused without a reason
        return 0;
    }
    const claimline::LoadResult result = claimline::readProject(document.dump());
    if (result.internalError || result.ok() == !result.problems.empty())
        std::abort();
    return 0;
}
