// Differential fuzz target: the fast tokenizer (FastJsonScanner, handing over to nlohmann's
// parser on anything unusual) against nlohmann's parser alone, on the same bytes. They must
// hand the reader the same SAX events, in the same order, with the same error at the same
// position; and the project reader must then give the same project or the same problems.

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "format/reader/saxpipeline.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

using json = nlohmann::json;

// Every event as text, one string for the whole input.
class Trace final : public nlohmann::json_sax<json>
{
public:
    std::string text;

    bool null() override { return add("n"); }
    bool boolean(bool v) override { return add(v ? "t" : "f"); }
    bool number_integer(number_integer_t v) override { return add("i" + std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override { return add("u" + std::to_string(v)); }
    bool number_float(number_float_t v, const string_t &spelled) override
    {
        // The value's bits, not a rounded rendering: the two must agree exactly.
        std::uint64_t bits = 0;
        static_assert(sizeof bits == sizeof v);
        std::memcpy(&bits, &v, sizeof v);
        return add("d" + std::to_string(bits) + " " + spelled);
    }
    bool string(string_t &v) override { return add("s" + std::to_string(v.size()) + ":" + v); }
    bool binary(binary_t &) override { return add("b"); }
    bool start_object(std::size_t) override { return add("{"); }
    bool key(string_t &v) override { return add("k" + std::to_string(v.size()) + ":" + v); }
    bool end_object() override { return add("}"); }
    bool start_array(std::size_t) override { return add("["); }
    bool end_array() override { return add("]"); }
    bool parse_error(std::size_t position, const std::string &token,
                     const nlohmann::detail::exception &ex) override
    {
        add("e" + std::to_string(position) + " " + token + " " + ex.what());
        return false;
    }

private:
    bool add(const std::string &event)
    {
        text += event;
        text += '\n';
        return true;
    }
};

std::pair<bool, std::string> events(std::string_view bytes, std::size_t chunk,
                                    claimline::JsonTokenizer tokenizer)
{
    claimline::MemoryInput input(bytes, chunk);
    Trace trace;
    claimline::SaxPipeline::Options options;
    options.tokenizer = tokenizer;
    const bool ok = claimline::SaxPipeline::run(input.read(), input.rewind(), trace, options);
    return {ok, trace.text};
}

std::string outcome(const claimline::LoadResult &result)
{
    if (result.internalError)
        std::abort(); // something in the reader threw: the load boundary hid a bug
    if (result.ok())
        return "project\n" + claimline::projectToString(*result.project);
    std::string problems = "problems\n";
    for (const claimline::Problem &problem : result.problems)
        problems += problem.pointer + " " + problem.message + "\n";
    return problems;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    spdlog::set_level(spdlog::level::warn); // "migrating…" for every old-version input is noise
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const auto reference = events(bytes, SIZE_MAX, claimline::JsonTokenizer::Nlohmann);
    // Whole, and in small chunks: tokens cut anywhere must read the same.
    for (const std::size_t chunk : {SIZE_MAX, std::size_t(1 + size % 7)}) {
        if (events(bytes, chunk, claimline::JsonTokenizer::Fast) != reference)
            std::abort();
    }
    if (size == 0)
        return 0;
    if (outcome(claimline::readProject(bytes, {}, claimline::JsonTokenizer::Fast))
        != outcome(claimline::readProject(bytes, {}, claimline::JsonTokenizer::Nlohmann)))
        std::abort();
    return 0;
}
