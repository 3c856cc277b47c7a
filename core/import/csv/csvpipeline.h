#pragma once

// CsvPipeline: a CsvReader on a second thread, its records given on this one.
//
// Why: importing a large export spends about a quarter of its time reading CSV (the device,
// the quoting, the UTF-8 check) and the rest building the project from the rows, one after
// the other on one core while the other waits. Here a reader thread parses ahead and copies
// each record compactly into batches (the fields back to back in one buffer, their ends, the
// record's line, problem and the bytes read by then), handed over through a short bounded
// queue and reused, so memory stays flat whatever the file size. The caller sees exactly the
// records, lines, problems, progress and error the reader itself gives, in order
// (saxpipeline.h does the same for the project's JSON).
//
// The reader belongs to the thread from the constructor to the destructor, which stops the
// thread (within a record or a device read) and joins it: dropping the pipeline midway is
// how a cancelled import stops reading.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace claimline {

class CsvReader;
struct CsvRecord;

class CsvPipeline
{
public:
    static constexpr std::size_t DefaultBatchBytes = std::size_t(2) << 20;

    // Starts reading on the thread. `batchBytes` is about how much text a batch holds (tests
    // make it small to hand over many batches).
    explicit CsvPipeline(CsvReader &reader, std::size_t batchBytes = DefaultBatchBytes);
    ~CsvPipeline();
    CsvPipeline(const CsvPipeline &) = delete;
    CsvPipeline &operator=(const CsvPipeline &) = delete;

    // As CsvReader::next(): the views point into the pipeline's batch, valid until the next
    // call.
    bool next(CsvRecord &record);
    // As CsvReader's, once next() returned false. An exception on the thread (memory running
    // out) ends the records too, with its message here.
    QString error() const;
    // What CsvReader::bytesRead() said right after reading the last record given.
    std::int64_t bytesRead() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Files at least this large are imported through a CsvPipeline; smaller ones read with the
// reader alone, where starting a thread would cost more than it spares. Tests lower it to
// compare the two ways on the same file.
std::int64_t csvPipelineThreshold();
void setCsvPipelineThreshold(std::int64_t bytes);

} // namespace claimline
