#include "import/csv/csvpipeline.h"

#include "import/csv/csvreader.h"

#include <QCoreApplication>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <new>
#include <string>
#include <thread>
#include <vector>

namespace claimline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("claimline::CsvPipeline", text);
}

std::atomic<std::int64_t> pipelineThreshold {std::int64_t(4) << 20};

// Records copied out of the reader's buffer. A field runs from the end of the one before it
// (0 for the batch's first) to its own end. (32-bit ends: a batch is handed over once it holds
// batchBytes, and the reader refuses records past 64 blocks, far below 4 GiB.)
struct Batch
{
    struct Record
    {
        std::int64_t line;
        std::int64_t bytesRead;
        std::uint32_t fields;
        std::uint32_t problem; // 1 + its index in problems; 0: none (the usual case)
    };

    std::string text;
    std::vector<std::uint32_t> fieldEnds;
    std::vector<Record> records;
    std::vector<QString> problems;

    void clear()
    {
        text.clear();
        fieldEnds.clear();
        records.clear();
        problems.clear();
    }

    void add(const CsvRecord &record, std::int64_t bytesRead)
    {
        for (const std::string_view field : record.fields) {
            text.append(field);
            fieldEnds.push_back(std::uint32_t(text.size()));
        }
        std::uint32_t problem = 0;
        if (!record.problem.isEmpty()) {
            problems.push_back(record.problem);
            problem = std::uint32_t(problems.size());
        }
        records.push_back({record.line, bytesRead, std::uint32_t(record.fields.size()), problem});
    }
};

// Batches from the reader's thread to the caller's, and back empty to be filled again.
class Channel
{
public:
    // Enough to absorb the jitter between the threads; few enough that memory does not grow
    // with the file.
    static constexpr std::size_t MaxQueued = 3;

    // Reader side: an empty batch to fill.
    std::unique_ptr<Batch> spare(std::size_t batchBytes)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_spare.empty()) {
                std::unique_ptr<Batch> batch = std::move(m_spare.back());
                m_spare.pop_back();
                return batch;
            }
        }
        auto batch = std::make_unique<Batch>();
        batch->text.reserve(batchBytes + batchBytes / 4);
        return batch;
    }
    // Reader side: hands over a batch; false when the caller asked to stop.
    bool push(std::unique_ptr<Batch> &batch)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_queue.size() < MaxQueued || m_stop; });
        if (m_stop)
            return false;
        m_queue.push_back(std::move(batch));
        m_notEmpty.notify_one();
        return true;
    }
    void finish(const QString &error)
    {
        std::lock_guard lock(m_mutex);
        m_error = error;
        m_done = true;
        m_notEmpty.notify_one();
    }
    bool stopRequested() const { return m_stopFlag.load(std::memory_order_relaxed); }

    // Caller side: the next batch (the one read is kept to be filled again), or null at the
    // end.
    std::unique_ptr<Batch> pop(std::unique_ptr<Batch> read)
    {
        std::unique_lock lock(m_mutex);
        if (read) {
            read->clear();
            m_spare.push_back(std::move(read));
        }
        m_notEmpty.wait(lock, [this] { return !m_queue.empty() || m_done; });
        if (m_queue.empty())
            return nullptr;
        std::unique_ptr<Batch> batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_notFull.notify_one();
        return batch;
    }
    QString error()
    {
        std::lock_guard lock(m_mutex);
        return m_error;
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_stopFlag.store(true, std::memory_order_relaxed);
        m_notFull.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<std::unique_ptr<Batch>> m_queue;
    std::vector<std::unique_ptr<Batch>> m_spare;
    QString m_error;
    bool m_done = false;
    bool m_stop = false;
    std::atomic<bool> m_stopFlag {false};
};

} // namespace

struct CsvPipeline::Private
{
    Channel channel;
    std::thread thread;
    std::unique_ptr<Batch> batch; // being given
    std::size_t record = 0; // the next one of the batch
    std::size_t field = 0; // its first field
    std::int64_t bytesRead = 0;
    bool finished = false;
    QString error;

    void read(CsvReader &reader, std::size_t batchBytes);
};

void CsvPipeline::Private::read(CsvReader &reader, std::size_t batchBytes)
{
    std::unique_ptr<Batch> filling;
    QString failure;
    try {
        filling = channel.spare(batchBytes);
        CsvRecord record;
        while (!channel.stopRequested() && reader.next(record)) {
            filling->add(record, reader.bytesRead());
            if (filling->text.size() >= batchBytes) {
                if (!channel.push(filling))
                    break;
                filling = channel.spare(batchBytes);
            }
        }
        failure = reader.error();
    } catch (const std::bad_alloc &) {
        failure = tr("The file could not be read: there is not enough memory.");
    } catch (const std::exception &error) {
        failure = tr("The file could not be read: %1").arg(QString::fromLocal8Bit(error.what()));
    } catch (...) {
        failure = tr("The file could not be read.");
    }
    // The records read before a failure are whole: they are given, then the failure.
    try {
        if (filling && !filling->records.empty())
            channel.push(filling);
    } catch (...) {
        // Out of memory to queue them: they are lost, and the failure says the file was not
        // read through.
    }
    channel.finish(failure);
}

CsvPipeline::CsvPipeline(CsvReader &reader, std::size_t batchBytes)
    : d(std::make_unique<Private>())
{
    batchBytes = std::max<std::size_t>(batchBytes, 1);
    d->thread = std::thread([this, &reader, batchBytes] { d->read(reader, batchBytes); });
}

CsvPipeline::~CsvPipeline()
{
    d->channel.stop();
    d->thread.join();
}

bool CsvPipeline::next(CsvRecord &record)
{
    record.fields.clear();
    record.problem.clear();
    record.line = 0;
    while (!d->batch || d->record == d->batch->records.size()) {
        if (d->finished)
            return false;
        d->batch = d->channel.pop(std::move(d->batch));
        d->record = 0;
        d->field = 0;
        if (!d->batch) {
            d->finished = true;
            d->error = d->channel.error();
            return false;
        }
    }
    const Batch &batch = *d->batch;
    const Batch::Record &read = batch.records[d->record++];
    record.line = read.line;
    if (read.problem != 0)
        record.problem = batch.problems[read.problem - 1];
    record.fields.reserve(read.fields);
    const char *const text = batch.text.data();
    std::uint32_t begin = d->field == 0 ? 0 : batch.fieldEnds[d->field - 1];
    for (std::uint32_t i = 0; i < read.fields; ++i) {
        const std::uint32_t end = batch.fieldEnds[d->field++];
        record.fields.emplace_back(text + begin, end - begin);
        begin = end;
    }
    d->bytesRead = read.bytesRead;
    return true;
}

QString CsvPipeline::error() const
{
    return d->error;
}

std::int64_t CsvPipeline::bytesRead() const
{
    return d->bytesRead;
}

std::int64_t csvPipelineThreshold()
{
    return pipelineThreshold.load(std::memory_order_relaxed);
}

void setCsvPipelineThreshold(std::int64_t bytes)
{
    pipelineThreshold.store(bytes, std::memory_order_relaxed);
}

} // namespace claimline
