#include "export/timelinejsexport.h"

#include "document/filter.h"
#include "export/htmltext.h"
#include "export/utf8writer.h"
#include "format/jsonoutput.h"
#include "model/itembits.h"
#include "model/project.h"
#include "session/safewrite.h"

#include <QBuffer>
#include <QDateTime>
#include <QIODevice>

#include <memory>
#include <optional>
#include <vector>

namespace claimline {

namespace {

// Text of several lines (the public description) as one paragraph per non-empty line: a line
// break in the file would otherwise show as a visible control-character marker.
QString paragraphs(const QString &text)
{
    QString html;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const QStringView trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            html
                += QStringLiteral("<p>") + htmlEscaped(trimmed.toString()) + QStringLiteral("</p>");
    }
    return html;
}

// The calendar fields TimelineJS gets for an instant: its wall-clock time in the zone, or its
// UTC day for a calendar day; the numbers QDateTime gives (QDate's years). Computed here for
// UTC and fixed offsets, asked of QDateTime for a zone with transitions (and for years before
// 1, which QDate numbers differently).
class WallClock
{
public:
    explicit WallClock(const QTimeZone &zone)
        : m_zone(zone)
    {
        // Only Qt's own UTC and UTC-offset zones (QTimeZone::utc(), "UTC+03:00") have no
        // transitions; a tz database zone reports them even when it has none (Etc/UTC).
        if (zone.isValid() && !zone.hasTransitions())
            m_fixedOffset = zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()));
    }

    UtcFields at(std::int64_t instant, bool inZone) const
    {
        if (!inZone || m_fixedOffset) {
            const UtcFields fields = utcFields(instant + (inZone ? *m_fixedOffset : 0));
            if (isQtYear(fields))
                return fields;
        }
        const QDateTime at
            = QDateTime::fromSecsSinceEpoch(instant, inZone ? m_zone : QTimeZone::utc());
        const QDate date = at.date();
        const QTime time = at.time();
        return {date.year(), date.month(), date.day(), time.hour(), time.minute(), time.second()};
    }

private:
    QTimeZone m_zone;
    std::optional<int> m_fixedOffset;
};

// A zone of the tz database as a copy of its own (made again from its id), not one shared
// with writers on other threads; any other zone (UTC, an offset) as it is.
QTimeZone ownZone(const QTimeZone &zone)
{
    if (!zone.hasTransitions())
        return zone;
    QTimeZone own(zone.id());
    return own.isValid() && own.id() == zone.id() ? own : zone;
}

// Writes the document straight from the project's UTF-8 text (utf8writer.h), as
// nlohmann::json's dump() wrote each slide when the export built them as JSON values: no
// spaces, keys in sorted order (the order they are written in below), strings escaped alike
// (appendJsonString(), or in parts: m_html). test_dataexport.cpp holds the bytes to that.
class TimelineJsWriter
{
public:
    // Without a device, a writer of slides made on another thread (writeItemsInPieces()): they
    // stay in buffer(). A zone of the tz database is the writer's own copy, not one shared with
    // the other threads' writers.
    TimelineJsWriter(const Project &project, const TimelineJsOptions &options,
                     QIODevice *device = nullptr)
        : m_project(project)
        , m_zone(ownZone(options.zone))
        , m_clock(m_zone)
        , m_out(device ? Utf8Writer(*device) : Utf8Writer())
        , m_sourceLinks(project.sources().size())
        , m_displayDates(std::size_t(1) << DisplayCacheBits)
        , m_withNotes(options.withNotes)
    { }

    // The title slide.
    void title();
    // Each writes `separator` and the slide (era), or nothing and returns false when the item
    // cannot be placed (no time; an era needs both ends and to be in the filter's range).
    bool eventSlide(std::uint32_t index, std::string_view separator);
    bool claimSlide(std::uint32_t index, std::string_view separator);
    bool era(const Period &period, const Filter *filter, std::string_view separator);
    Utf8Writer &out() { return m_out; }
    std::string &buffer() { return m_out.buffer(); }

private:
    // One end of a fuzzy time as a TimelineJS date object: only the fields its precision
    // gives, so that "Dec 2025" is shown as a month and not as 1 December. Instants are in the
    // zone's wall-clock time; calendar days are the day itself.
    void dateObject(std::int64_t instant, Precision precision);
    // display_date as a JSON string: the time as FuzzyTime shows it, HTML-escaped. Kept in a
    // small cache: a project's items share a few thousand days, each formatted once.
    const std::string &displayDate(const FuzzyTime &time);
    // A slide's opening brace, display_date and end_date (for a span): its first keys in
    // sorted order. Then group, if any, and startDate().
    void openSlide(const FuzzyTime &time);
    void startDate(const FuzzyTime &time);
    // A key whose value is m_html, as a JSON string (m_html is cleared for the next).
    void htmlField(std::string_view key);
    // Markup or a name of ours, which needs no HTML escaping, to m_html.
    void markup(std::string_view html) { appendJsonStringBody(m_html, html); }
    // Appends text from the project, HTML-escaped, to m_html.
    void escaped(std::string_view raw);
    // "<p>text</p>", nothing for empty text.
    void paragraph(std::string_view raw);
    void status(Status status);
    void sources(IndexRange citations);
    void speakerName(Speaker speaker);
    // The internal notes and annotations in a marked block, when asked (withNotes).
    void notes(TextRef notes, IndexRange annotations);
    // escaped() for text of several lines: each line break a <br>.
    void lines(std::string_view raw);

    const Project &m_project;
    const QTimeZone m_zone;
    const WallClock m_clock;
    Utf8Writer m_out;
    // The HTML of the string being written, as the inside of its JSON string: each part is
    // escaped for JSON as it is added (appendHtmlEscapedJsonBody(), appendJsonStringBody()),
    // which gives the same bytes as escaping the whole and saves a pass over all the text.
    std::string m_html;
    std::string m_scratch;
    // The link of each source, made once (QUrl checks and encodes it): htmlLink(), as the
    // inside of a JSON string (m_html).
    std::vector<std::optional<std::string>> m_sourceLinks;
    struct DisplayDate
    {
        std::optional<FuzzyTime> time;
        std::string json;
    };
    static constexpr unsigned DisplayCacheBits = 12;
    std::vector<DisplayDate> m_displayDates; // direct-mapped by a hash of the time
    bool m_withNotes = false;
};

void TimelineJsWriter::dateObject(std::int64_t instant, Precision precision)
{
    const bool hasTime = precision >= Precision::Minute;
    const UtcFields at = m_clock.at(instant, hasTime);
    bool first = true;
    const auto field = [&](std::string_view key, int value) {
        m_out.append(first ? "{\"" : ",\"");
        first = false;
        m_out.append(key);
        m_out.append("\":\"");
        m_out.appendInteger(value);
        m_out.append('"');
    };
    if (precision >= Precision::Day)
        field("day", at.day);
    if (hasTime) {
        field("hour", at.hour);
        field("minute", at.minute);
    }
    if (precision >= Precision::Month)
        field("month", at.month);
    if (precision == Precision::Second)
        field("second", at.second);
    field("year", at.year);
    m_out.append('}');
}

void TimelineJsWriter::escaped(std::string_view raw)
{
    appendHtmlEscapedJsonBody(m_html, normalizedUtf8(raw, m_scratch));
}

void TimelineJsWriter::paragraph(std::string_view raw)
{
    const std::string_view text = normalizedUtf8(raw, m_scratch);
    if (text.empty())
        return;
    m_html.append("<p>");
    appendHtmlEscapedJsonBody(m_html, text);
    m_html.append("</p>");
}

void TimelineJsWriter::status(Status status)
{
    if (status == Status::Unverified)
        return;
    m_html.append("<p><em>Status: ");
    markup(nameOf(status));
    m_html.append("</em></p>");
}

void TimelineJsWriter::sources(IndexRange citations)
{
    bool any = false;
    for (const Citation &citation : m_project.citations(citations)) {
        if (citation.source == NoIndex)
            continue;
        std::optional<std::string> &link = m_sourceLinks[citation.source];
        if (!link) {
            const Source &source = m_project.sources()[citation.source];
            QString title = m_project.text(source.title);
            const QString outlet = m_project.text(source.outlet);
            if (!outlet.isEmpty())
                title += QStringLiteral(" (") + outlet + QLatin1Char(')');
            link.emplace();
            appendJsonStringBody(*link, htmlLink(m_project.text(source.url), title).toStdString());
        }
        m_html.append(any ? "; " : "<p><small>Sources: ");
        any = true;
        m_html.append(*link);
    }
    if (any)
        m_html.append("</small></p>");
}

void TimelineJsWriter::lines(std::string_view raw)
{
    bool first = true;
    for (std::size_t at = 0; at <= raw.size();) {
        const std::size_t end = std::min(raw.find('\n', at), raw.size());
        if (!first)
            m_html.append("<br>");
        first = false;
        escaped(raw.substr(at, end - at));
        at = end + 1;
    }
}

void TimelineJsWriter::notes(TextRef notes, IndexRange annotations)
{
    if (!m_withNotes || (notes.isEmpty() && annotations.count == 0))
        return;
    markup("<div class=\"claimline-internal\"><p><strong>Internal, not for "
           "publication</strong></p>");
    if (!notes.isEmpty()) {
        m_html.append("<p><em>Notes:</em> ");
        lines(m_project.view(notes));
        m_html.append("</p>");
    }
    if (annotations.count > 0) {
        m_html.append("<ul>");
        for (const Annotation &a : m_project.annotations(annotations)) {
            m_html.append("<li>");
            markup(a.at.toEdtf());
            m_html.push_back(' ');
            escaped(m_project.view(a.author));
            m_html.append(": ");
            lines(m_project.view(a.text));
            m_html.append("</li>");
        }
        m_html.append("</ul>");
    }
    m_html.append("</div>");
}

void TimelineJsWriter::speakerName(Speaker speaker)
{
    if (!speaker.isValid())
        return;
    escaped(speaker.isParty ? m_project.view(m_project.parties()[speaker.index].name)
                            : m_project.view(m_project.actors()[speaker.index].name));
}

void TimelineJsWriter::htmlField(std::string_view key)
{
    m_out.append(key);
    m_out.append('"');
    m_out.append(m_html);
    m_out.append('"');
    m_html.clear();
}

// A time TimelineJS can place: one given, not open at both ends.
bool placeable(const FuzzyTime &time)
{
    return !time.isNull() && !(time.isOpenStart() && time.isOpenEnd());
}

const std::string &TimelineJsWriter::displayDate(const FuzzyTime &time)
{
    const std::uint64_t hash = std::uint64_t(time.start()) * 0x9e3779b97f4a7c15u
        ^ std::uint64_t(time.end()) * 0xc2b2ae3d27d4eb4fu;
    DisplayDate &entry = m_displayDates[hash >> (64 - DisplayCacheBits)];
    if (entry.time != time) {
        entry.time = time;
        std::string html;
        appendHtmlEscaped(html, time.toDisplayString(m_zone).toStdString());
        entry.json.clear();
        appendJsonString(entry.json, html);
    }
    return entry.json;
}

void TimelineJsWriter::openSlide(const FuzzyTime &time)
{
    m_out.append("{\"display_date\":");
    m_out.append(displayDate(time));
    if (!time.isOpenStart() && time.isInterval() && !time.isOpenEnd()) {
        m_out.append(",\"end_date\":");
        dateObject(time.end() - 1, time.endPrecision());
    }
}

void TimelineJsWriter::startDate(const FuzzyTime &time)
{
    m_out.append(",\"start_date\":");
    // "until 29 Dec 2025": placed at its known end.
    if (time.isOpenStart())
        dateObject(time.end() - 1, time.endPrecision());
    else
        dateObject(time.start(), time.startPrecision());
}

void TimelineJsWriter::title()
{
    QString title = m_project.text(m_project.meta().title);
    if (title.isEmpty())
        title = QStringLiteral("Timeline");
    // A published page shows the public description, or nothing: the internal description
    // (conventions, caveats for the team) is never a stand-in for it.
    m_out.append("{\"text\":{\"headline\":");
    m_out.appendJsonString(htmlEscaped(title).toStdString());
    m_out.append(",\"text\":");
    QString text = paragraphs(m_project.text(m_project.meta().publicDescription));
    // A file with notes says so on its first slide, before anyone reads a slide's block.
    if (m_withNotes)
        text += QStringLiteral("<p class=\"claimline-internal\"><strong>This copy includes "
                               "internal notes and annotations: not for publication.</strong></p>");
    m_out.appendJsonString(text.toStdString());
    m_out.append("}}");
}

bool TimelineJsWriter::eventSlide(std::uint32_t index, std::string_view separator)
{
    const Event &event = m_project.events()[index];
    if (!placeable(event.when))
        return false;
    m_out.append(separator);
    openSlide(event.when);
    // TimelineJS has one group per slide: an event goes with the first party it involves.
    const auto parties = m_project.indices(event.parties);
    if (!parties.empty()) {
        escaped(m_project.view(m_project.parties()[parties.front()].name));
        htmlField(",\"group\":");
    }
    startDate(event.when);
    escaped(m_project.view(event.title));
    htmlField(",\"text\":{\"headline\":");
    paragraph(m_project.view(event.summary));
    if (!event.locationName.isEmpty()) {
        m_html.append("<p><small>");
        escaped(m_project.view(event.locationName));
        m_html.append("</small></p>");
    }
    status(event.status);
    sources(event.sources);
    notes(event.notes, event.annotations);
    htmlField(",\"text\":");
    escaped(m_project.view(event.id));
    htmlField("},\"unique_id\":");
    m_out.append('}');
    m_out.endRecord();
    return true;
}

bool TimelineJsWriter::claimSlide(std::uint32_t index, std::string_view separator)
{
    const Claim &claim = m_project.claims()[index];
    if (!placeable(claim.madeAt))
        return false;
    m_out.append(separator);
    openSlide(claim.madeAt);
    const std::uint32_t party = m_project.partyOfClaim(index);
    if (party != NoIndex) {
        escaped(m_project.view(m_project.parties()[party].name));
        htmlField(",\"group\":");
    }
    startDate(claim.madeAt);
    speakerName(claim.claimant);
    if (claim.via.isValid()) {
        m_html.append(" (via ");
        speakerName(claim.via);
        m_html.push_back(')');
    }
    if (claim.stance != Stance::None) {
        m_html.push_back(' ');
        markup(nameOf(claim.stance));
    }
    htmlField(",\"text\":{\"headline\":");
    paragraph(m_project.view(claim.statement));
    if (!claim.quote.isEmpty()) {
        m_html.append("<blockquote>");
        escaped(m_project.view(claim.quote));
        m_html.append("</blockquote>");
    }
    if (claim.about != NoIndex) {
        m_html.append("<p><small>About: ");
        escaped(m_project.view(m_project.events()[claim.about].title));
        m_html.append("</small></p>");
    }
    status(claim.status);
    sources(claim.sources);
    notes(claim.notes, claim.annotations);
    htmlField(",\"text\":");
    escaped(m_project.view(claim.id));
    htmlField("},\"unique_id\":");
    m_out.append('}');
    m_out.endRecord();
    return true;
}

// A period as a TimelineJS era: a band behind the slides with its headline. An era needs both
// dates, so a period open at either end is left out (an end made up would be false); dates
// are as precise as the period's ends, like a slide's. Eras outside the filter's date range
// (--from/--to) are left out with the items there; the filter's other criteria are about
// items and keep every period.
bool TimelineJsWriter::era(const Period &period, const Filter *filter, std::string_view separator)
{
    const FuzzyTime &when = period.when;
    if (when.isNull() || when.isOpenStart() || when.isOpenEnd())
        return false;
    if (filter
        && ((filter->dateTo() && when.start() >= *filter->dateTo())
            || (filter->dateFrom() && when.end() <= *filter->dateFrom())))
        return false;
    m_out.append(separator);
    m_out.append("{\"end_date\":");
    dateObject(when.end() - 1, when.endPrecision());
    m_out.append(",\"start_date\":");
    dateObject(when.start(), when.startPrecision());
    escaped(m_project.view(period.title));
    htmlField(",\"text\":{\"headline\":");
    m_out.append("}}");
    m_out.endRecord();
    return true;
}

// Streams the document: a million slides are never held in memory (a few pieces of slides are,
// at scale, made on several threads).
bool writeJson(const Project &project, const Filter *filter, const TimelineJsOptions &options,
               QIODevice &device, QString *error)
{
    TimelineJsWriter writer(project, options, &device);
    Utf8Writer &out = writer.out();
    out.append("{\n\"title\": ");
    writer.title();
    out.append(",\n\"events\": [");
    // The filter's answers for every item, made once here: the slides are made on several
    // threads, which may all read them.
    const ItemBits *accepted = filter ? &filter->accepted(project) : nullptr;
    // Every slide is made with ",\n" before it; the document's first has "\n".
    bool first = true;
    const auto firstSlide = [&first](std::string_view piece) {
        if (first && !piece.empty()) {
            piece.remove_prefix(1);
            first = false;
        }
        return piece;
    };
    const auto slides = [&](std::size_t count, const auto &slide) {
        writeItemsInPieces<TimelineJsWriter>(
            out, count, options.pieces,
            [&] { return std::make_unique<TimelineJsWriter>(project, options); }, slide,
            firstSlide);
    };
    slides(project.events().size(), [accepted](TimelineJsWriter &piece, std::uint32_t i) {
        if (!accepted || accepted->hasEvent(i))
            piece.eventSlide(i, ",\n");
    });
    if (options.includeClaims) {
        slides(project.claims().size(), [accepted](TimelineJsWriter &piece, std::uint32_t i) {
            if (!accepted || accepted->hasClaim(i))
                piece.claimSlide(i, ",\n");
        });
    }
    out.append("\n]");
    // Only when there are some: an export without periods is what it was before them.
    bool firstEra = true;
    for (const Period &period : project.periods()) {
        if (writer.era(period, filter, firstEra ? ",\n\"eras\": [\n" : ",\n"))
            firstEra = false;
    }
    if (!firstEra)
        out.append("\n]");
    out.append("\n}\n");
    return out.finish(error);
}

} // namespace

QString exportTimelineJs(const Project &project, const QString &path, const Filter *filter,
                         const TimelineJsOptions &options)
{
    return safeWrite(
        path,
        [&](QIODevice &device, QString *error) {
            return writeJson(project, filter, options, device, error);
        },
        SafeWriteOptions {false});
}

QByteArray timelineJsJson(const Project &project, const Filter *filter,
                          const TimelineJsOptions &options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeJson(project, filter, options, buffer, &error))
        return {};
    return bytes;
}

} // namespace claimline
