#pragma once

// A synthetic ACLED export for the import benchmark, tests and fuzz seeds: the public
// codebook's 31 columns in its order, with values shaped like the real data — Ukrainian and
// Russian places with their admin levels and coordinates, the dataset's actor names
// ("Military Forces of Russia (2000-)"), one to three sources joined with "; ", notes of
// 100-300 characters (some with Cyrillic, some with quotes, a few with a line break, all with
// commas, so quoted), time_precision mostly 1. About 450 bytes a row: a million rows are a
// ~450 MB file. Rows run forward in time from 24 February 2022, one id each ("UKR1000042").
//
// The same seed gives the same bytes on every machine (our own PRNG, no std distributions).
// Written as a stream: the file is never held in memory.

#include <QString>

#include <cstdint>

class QIODevice;

namespace claimline {

enum class AcledDateStyle : std::uint8_t {
    Iso, // "2023-02-16", ACLED's API
    Long, // "16 February 2023", ACLED's export tool
};

struct AcledGeneratorOptions
{
    std::uint64_t rows = 1000;
    std::uint64_t seed = 1;
    AcledDateStyle dates = AcledDateStyle::Iso;
};

// Writes the header and the rows to an open device; returns false and sets `error` when a
// write fails.
[[nodiscard]] bool writeAcledCsv(QIODevice &device, const AcledGeneratorOptions &options,
                                 QString *error);
// Writes the file with safeWrite() (atomic, no backup). Returns an empty string or why it failed.
[[nodiscard]] QString saveAcledCsv(const QString &path, const AcledGeneratorOptions &options);

} // namespace claimline
