// The import of a large file reads its CSV on a second thread (CsvPipeline) while the calling
// thread builds the project. What the user gets must not change: the same records with their
// physical lines and problems, the same progress, the same events and refused rows, the same
// file problem when the reading fails; and a cancel stops the reading thread too.

#include "importerfixture.h"

#include "format/projectwriter.h"
#include "import/acledgenerator.h"
#include "import/csv/csvpipeline.h"
#include "import/csv/csvreader.h"
#include "import/importer.h"
#include "model/project.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using namespace claimline;
using namespace claimline::test;

namespace {

// A record as the caller sees it, kept past the next read.
struct Seen
{
    std::vector<std::string> fields;
    std::int64_t line = 0;
    QString problem;
    std::int64_t bytesRead = 0;

    bool operator==(const Seen &) const = default;
};

std::ostream &operator<<(std::ostream &out, const Seen &seen)
{
    out << "line " << seen.line << " bytes " << seen.bytesRead << " [";
    for (const std::string &field : seen.fields)
        out << '|' << field;
    return out << "] " << seen.problem.toStdString();
}

template<typename Records>
std::vector<Seen> readAll(Records &records, QString *error)
{
    std::vector<Seen> all;
    CsvRecord record;
    while (records.next(record)) {
        Seen seen;
        for (const std::string_view field : record.fields)
            seen.fields.emplace_back(field);
        seen.line = record.line;
        seen.problem = record.problem;
        seen.bytesRead = records.bytesRead();
        all.push_back(std::move(seen));
    }
    *error = records.error();
    return all;
}

// What people's files hold: quoted line breaks (LF, CRLF, a lone CR), "" inside quotes, empty
// lines, a row that is not UTF-8, and a quote that is never closed at the end.
QByteArray messyCsv()
{
    QByteArray text = "id,when,notes\r\n";
    for (int i = 0; i < 300; ++i) {
        const QByteArray n = QByteArray::number(i);
        text += "r" + n + ",2023-02-16,\"said \"\"" + n + "\"\",\nthen\r\nmore\rend\"\r\n";
        text += "s" + n + ",,plain text " + n + "\n\n";
        if (i % 50 == 7)
            text += "bad" + n + ",\xff\xfe,not utf8\n";
    }
    text += "last,2023-02-17,\"never closed\nat all";
    return text;
}

struct ThresholdGuard
{
    explicit ThresholdGuard(std::int64_t bytes)
        : before(csvPipelineThreshold())
    {
        setCsvPipelineThreshold(bytes);
    }
    ~ThresholdGuard() { setCsvPipelineThreshold(before); }
    std::int64_t before;
};

// Reads a buffer, then throws: a device that fails the way no QIODevice reports.
class ThrowingDevice : public QIODevice
{
public:
    ThrowingDevice(QByteArray bytes, qint64 throwAt)
        : m_bytes(std::move(bytes))
        , m_throwAt(throwAt)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_pos >= m_throwAt)
            throw std::runtime_error("the disk is gone");
        const qint64 n = std::min({maxSize, m_throwAt - m_pos, qint64(m_bytes.size()) - m_pos});
        std::memcpy(data, m_bytes.constData() + m_pos, std::size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_throwAt;
    qint64 m_pos = 0;
};

QByteArray projectBytes(const Project &project)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    EXPECT_TRUE(writeProject(project, buffer, &error)) << error.toStdString();
    return buffer.data();
}

// A generated ACLED export past the pipeline's threshold, with refused rows at its start and
// end (their lines are known), one that repeats an id (an update) and a row not in UTF-8.
QString writeLargeAcled(const QTemporaryDir &dir, std::int64_t *badLine)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    EXPECT_TRUE(writeAcledCsv(buffer, {.rows = 12000, .seed = 7}, &error)) << error.toStdString();
    QByteArray text = buffer.data();
    const qsizetype headerEnd = text.indexOf('\n') + 1;
    const QByteArray header = text.left(headerEnd);
    const QByteArray firstRow
        = text.mid(headerEnd, text.indexOf("\nUKR", headerEnd) + 1 - headerEnd);
    // Line 2: too few fields.
    text.insert(headerEnd, "UKR0,2023-02-30\n");
    if (!text.endsWith('\n'))
        text += '\n';
    // Line breaks as an editor counts them: LF, CRLF, a lone CR (quoted notes hold some).
    *badLine = text.count('\n') + 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && text[i + 1] != '\n')
            ++*badLine;
    }
    const qsizetype idEnd = firstRow.indexOf(',');
    text += "UKR9999999,2023-02-30" + firstRow.mid(firstRow.indexOf(',', idEnd + 1));
    text += firstRow; // the first row again: the same event, unchanged
    text += "UKR9999998\xff" + firstRow.mid(idEnd);
    const QString path = dir.filePath(QStringLiteral("large.csv"));
    EXPECT_TRUE(writeFile(path, std::string_view(text.constData(), std::size_t(text.size()))));
    EXPECT_GT(QFileInfo(path).size(), csvPipelineThreshold());
    return path;
}

} // namespace

TEST(CsvPipeline, GivesTheReadersRecordsLinesProblemsAndProgress)
{
    const QByteArray text = messyCsv();
    for (const std::size_t blockSize :
         {std::size_t(5), std::size_t(97), CsvReader::DefaultBlockSize}) {
        QBuffer serialDevice;
        serialDevice.setData(text);
        serialDevice.open(QIODevice::ReadOnly);
        CsvReader serialReader(&serialDevice, 0, blockSize);
        QString serialError;
        const std::vector<Seen> serial = readAll(serialReader, &serialError);
        ASSERT_EQ(serial.size(), 300u * 2 + 6 + 2);
        EXPECT_EQ(serial.back().line, 1 + 300 * 6 + 6 + 1);
        EXPECT_FALSE(serial.back().problem.isEmpty());

        for (const std::size_t batchBytes : {std::size_t(1), std::size_t(300), std::size_t(4096),
                                             CsvPipeline::DefaultBatchBytes}) {
            SCOPED_TRACE(testing::Message() << "block " << blockSize << " batch " << batchBytes);
            QBuffer device;
            device.setData(text);
            device.open(QIODevice::ReadOnly);
            CsvReader reader(&device, 0, blockSize);
            CsvPipeline pipeline(reader, batchBytes);
            QString error;
            const std::vector<Seen> piped = readAll(pipeline, &error);
            EXPECT_EQ(piped, serial);
            EXPECT_EQ(error, serialError);
            // At the end, as the reader: no record.
            CsvRecord after;
            after.line = 4;
            EXPECT_FALSE(pipeline.next(after));
            EXPECT_EQ(after.line, 0);
        }
    }
}

TEST(CsvPipeline, GivesTheReadersErrorAfterItsRecords)
{
    // UTF-16 cut in the middle of a character: the records, then the error.
    QByteArray text("\xff\xfe", 2);
    for (const char c : QByteArray("a,b\n1,2\n3,4\n5"))
        text.append(c).append('\0');
    text.chop(1);
    for (const std::size_t batchBytes : {std::size_t(1), CsvPipeline::DefaultBatchBytes}) {
        QBuffer device;
        device.setData(text);
        device.open(QIODevice::ReadOnly);
        CsvReader reader(&device);
        CsvPipeline pipeline(reader, batchBytes);
        QString error;
        const std::vector<Seen> records = readAll(pipeline, &error);
        ASSERT_EQ(records.size(), 3u);
        EXPECT_EQ(records[2].fields, (std::vector<std::string> {"3", "4"}));
        EXPECT_TRUE(error.contains(QStringLiteral("UTF-16"))) << error.toStdString();
    }
}

TEST(CsvPipeline, AnExceptionWhileReadingEndsTheRecordsWithItsMessage)
{
    QByteArray text = "a,b\n";
    for (int i = 0; i < 1000; ++i)
        text += "row" + QByteArray::number(i) + ",x\n";
    // The reader alone: the records it gives before the exception reaches the caller.
    ThrowingDevice serialDevice(text, 2000);
    CsvReader serialReader(&serialDevice, 0, 64);
    std::size_t serialRecords = 0;
    CsvRecord record;
    EXPECT_THROW(
        {
            while (serialReader.next(record))
                ++serialRecords;
        },
        std::runtime_error);
    ASSERT_GT(serialRecords, 100u);

    ThrowingDevice device(text, 2000);
    CsvReader reader(&device, 0, 64);
    CsvPipeline pipeline(reader, 100);
    QString error;
    const std::vector<Seen> records = readAll(pipeline, &error);
    EXPECT_EQ(error, QStringLiteral("The file could not be read: the disk is gone"));
    // Every whole record read before the failure is given, in order.
    ASSERT_EQ(records.size(), serialRecords);
    for (std::size_t i = 1; i < records.size(); ++i)
        EXPECT_EQ(records[i].fields[0], "row" + std::to_string(i - 1));
}

TEST(CsvPipeline, DroppingItMidwayStopsTheReadingThread)
{
    QByteArray text = "a,b\n";
    while (text.size() < (32 << 20))
        text += "a row of the file," + QByteArray::number(text.size()) + "\n";
    QBuffer device;
    device.setData(text);
    device.open(QIODevice::ReadOnly);
    CsvReader reader(&device, 0, 64 << 10);
    {
        CsvPipeline pipeline(reader, 64 << 10);
        CsvRecord record;
        for (int i = 0; i < 10; ++i)
            ASSERT_TRUE(pipeline.next(record));
    }
    // Joined: the reader is this thread's again. It read a few batches ahead, not the file.
    EXPECT_LT(reader.bytesRead(), 2 << 20);
    CsvRecord record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.fields.size(), 2u);
}

TEST(ImportPipeline, ALargeFileImportsAsTheSerialReadDoes)
{
    QTemporaryDir dir;
    std::int64_t badLine = 0;
    const QString file = writeLargeAcled(dir, &badLine);

    const auto importWith = [&](std::int64_t threshold, ImportProgress &progress) {
        const ThresholdGuard guard(threshold);
        Project project;
        ImportReport report = importFiles({file}, project, {}, &progress);
        return std::make_pair(std::move(report), projectBytes(project));
    };
    ImportProgress serialProgress;
    const auto [serial, serialProject]
        = importWith(std::numeric_limits<std::int64_t>::max(), serialProgress);
    ImportProgress pipedProgress;
    const auto [piped, pipedProject] = importWith(csvPipelineThreshold(), pipedProgress);

    EXPECT_EQ(serial.added, 12000);
    EXPECT_GE(serial.unchanged, 1);
    EXPECT_EQ(serial.rows, serial.added + serial.updated + serial.unchanged + 3);
    ASSERT_EQ(serial.problems.size(), 3u);
    EXPECT_EQ(serial.problems[0].line, 2);
    EXPECT_EQ(serial.problems[1].line, badLine);

    EXPECT_EQ(piped.rows, serial.rows);
    EXPECT_EQ(piped.added, serial.added);
    EXPECT_EQ(piped.updated, serial.updated);
    EXPECT_EQ(piped.unchanged, serial.unchanged);
    EXPECT_EQ(problemLines(piped), problemLines(serial));
    EXPECT_EQ(pipedProgress.bytesDone.load(), serialProgress.bytesDone.load());
    EXPECT_EQ(pipedProgress.bytesDone.load(), QFileInfo(file).size());
    EXPECT_EQ(pipedProject.size(), serialProject.size());
    EXPECT_TRUE(pipedProject == serialProject);
}

TEST(ImportPipeline, CancelStopsALargeFileMidway)
{
    QTemporaryDir dir;
    std::int64_t badLine = 0;
    const QString file = writeLargeAcled(dir, &badLine);
    Project project;
    ImportProgress progress;
    progress.cancel = true;
    const ImportReport report = importFiles({file}, project, {}, &progress);
    EXPECT_TRUE(report.cancelled);
    // Noticed at the first look at the flag, long before the end.
    EXPECT_EQ(report.rows, 4096);
    EXPECT_LT(progress.percent(), 50);
    EXPECT_EQ(report.summary(), QStringLiteral("import cancelled"));
}
