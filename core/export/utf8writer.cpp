#include "export/utf8writer.h"

#include "format/jsonoutput.h"
#include "format/parallelwrite.h"
#include "text/utf8.h"

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>

namespace claimline {

namespace {

// Qt rounds a value exactly halfway between two 10-digit renderings away from zero, to_chars
// to the even one (45.001953125: Qt "45.00195313", to_chars "45.00195312"). Such a value's
// shortest rendering has 11 significant digits, the last a 5: those few go through Qt.
bool mayBeHalfway(double value)
{
    char shortest[32];
    const auto result = std::to_chars(shortest, shortest + sizeof shortest, value);
    std::string_view digits(shortest, std::size_t(result.ptr - shortest));
    digits = digits.substr(0, digits.find('e'));
    std::string significant;
    for (const char c : digits) {
        if (c >= '0' && c <= '9' && (c != '0' || !significant.empty()))
            significant.push_back(c);
    }
    while (!significant.empty() && significant.back() == '0')
        significant.pop_back();
    return significant.size() == 11 && significant.back() == '5';
}

bool isValidUtf8(std::string_view text)
{
    // ASCII is skipped sixteen bytes at a time: most text is all ASCII.
    using NonAsciiScan = ByteScan<false, true>;
    for (std::size_t i = NonAsciiScan::find(text); i < text.size();
         i = NonAsciiScan::find(text, i)) {
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

template<typename Number>
void appendChars(std::string &out, Number value)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, std::size_t(result.ptr - digits));
}

} // namespace

UtcFields utcFields(std::int64_t seconds)
{
    using namespace std::chrono;
    const sys_seconds instant {std::chrono::seconds(seconds)};
    const sys_days day = floor<days>(instant);
    const year_month_day date(day);
    const auto secondOfDay = static_cast<int>((instant - day).count());
    return {int(date.year()),   int(unsigned(date.month())), int(unsigned(date.day())),
            secondOfDay / 3600, secondOfDay / 60 % 60,       secondOfDay % 60};
}

std::string_view normalizedUtf8Checked(std::string_view text, std::string &scratch)
{
    if (isValidUtf8(text) && !text.starts_with("\xEF\xBB\xBF"))
        return text;
    scratch = QString::fromUtf8(text.data(), qsizetype(text.size())).toStdString();
    return scratch;
}

Utf8Writer::Utf8Writer() = default;

Utf8Writer::Utf8Writer(QIODevice &device, bool byteOrderMark)
    : m_device(&device)
{
    m_buffer.reserve(BlockSize + 64 * 1024);
    if (byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
}

void Utf8Writer::appendInteger(std::int64_t value)
{
    appendChars(m_buffer, value);
}

void Utf8Writer::appendNumber(double value)
{
    if (!std::isfinite(value)) {
        m_buffer.append(QString::number(value, 'g', 10).toStdString());
        return;
    }
    if (value == 0) {
        m_buffer.push_back('0'); // Qt writes -0.0 as "0"
        return;
    }
    if (mayBeHalfway(value)) {
        m_buffer.append(QString::number(value, 'g', 10).toStdString());
        return;
    }
    char digits[32];
    const auto result
        = std::to_chars(digits, digits + sizeof digits, value, std::chars_format::general, 10);
    m_buffer.append(digits, std::size_t(result.ptr - digits));
}

void Utf8Writer::appendIsoUtc(std::int64_t seconds)
{
    const UtcFields t = utcFields(seconds);
    if (!isQtYear(t) || t.year > 9999) {
        // Qt writes nothing there; asked anyway, so that this stays what Qt does.
        m_buffer.append(
            QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate).toStdString());
        return;
    }
    char text[20] = {char('0' + t.year / 1000),
                     char('0' + t.year / 100 % 10),
                     char('0' + t.year / 10 % 10),
                     char('0' + t.year % 10),
                     '-',
                     char('0' + t.month / 10),
                     char('0' + t.month % 10),
                     '-',
                     char('0' + t.day / 10),
                     char('0' + t.day % 10),
                     'T',
                     char('0' + t.hour / 10),
                     char('0' + t.hour % 10),
                     ':',
                     char('0' + t.minute / 10),
                     char('0' + t.minute % 10),
                     ':',
                     char('0' + t.second / 10),
                     char('0' + t.second % 10),
                     'Z'};
    m_buffer.append(text, sizeof text);
}

void Utf8Writer::appendJsonString(std::string_view utf8)
{
    claimline::appendJsonString(m_buffer, utf8);
}

bool Utf8Writer::finish(QString *error)
{
    flush();
    if (!m_ok && error && m_device)
        *error = m_device->errorString();
    return m_ok;
}

void Utf8Writer::writeThrough(std::string_view bytes)
{
    flush();
    write(bytes);
}

void Utf8Writer::flush()
{
    write(m_buffer);
    m_buffer.clear();
}

void Utf8Writer::write(std::string_view bytes)
{
    if (m_ok && m_device && !bytes.empty()
        && m_device->write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
        m_ok = false;
}

void writeInPieces(Utf8Writer &out, std::size_t count, const ExportPieces &how, int threads,
                   const std::function<void(int thread, std::size_t first, std::size_t last,
                                            std::string &text)> &piece,
                   const std::function<std::string_view(std::string_view)> &adjust)
{
    if (out.failed())
        return;
    const std::size_t perPiece = std::max<std::size_t>(how.pieceItems, 1);
    const std::size_t pieces = (count + perPiece - 1) / perPiece;
    // After a failed write no more pieces are made; out.finish() reports the failure.
    writeInOrder(
        [&](std::string_view bytes) {
            out.writeThrough(adjust ? adjust(bytes) : bytes);
            return !out.failed();
        },
        pieces, threads,
        [&](int thread, std::size_t index, std::string &text) {
            piece(thread, index * perPiece, std::min(count, (index + 1) * perPiece), text);
        });
}

} // namespace claimline
