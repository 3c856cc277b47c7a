// Fuzz target: the EDTF subset. Whatever parses must write back to text that parses to the
// same value, and must display; whatever does not parse must say why.

#include "time/fuzzytime.h"

#include <QTimeZone>

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    std::string error;
    const std::optional<claimline::FuzzyTime> time = claimline::FuzzyTime::parse(text, &error);
    if (!time) {
        if (error.empty())
            std::abort();
        return 0;
    }
    const std::string canonical = time->toEdtf();
    const std::optional<claimline::FuzzyTime> again = claimline::FuzzyTime::parse(canonical);
    if (!again || *again != *time || again->toEdtf() != canonical)
        std::abort();
    static const QTimeZone moscow("Europe/Moscow");
    if (time->toDisplayString().isEmpty() || time->toDisplayString(moscow).isEmpty())
        std::abort();
    (void)claimline::formatLag(claimline::responseLag(*time, *time));
    return 0;
}
