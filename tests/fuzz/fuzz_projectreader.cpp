// Fuzz target: bytes -> Project or problems. Any input must give one or the other, never a
// crash, a hang, a leak or undefined behaviour; and a refused input always says why.

#include "format/projectreader.h"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    spdlog::set_level(spdlog::level::warn); // "migrating…" for every old-version input is noise
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const claimline::LoadResult result = claimline::readProject(bytes);
    if (result.ok() == !result.problems.empty())
        std::abort(); // a project with problems, or a refusal without a reason
    if (result.internalError)
        std::abort(); // something in the reader threw: the load boundary hid a bug
    for (const claimline::Problem &problem : result.problems) {
        if (problem.message.empty())
            std::abort();
    }
    return 0;
}
