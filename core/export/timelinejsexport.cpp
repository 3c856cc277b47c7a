#include "export/timelinejsexport.h"

#include "document/filter.h"
#include "export/htmltext.h"
#include "model/project.h"
#include "session/safewrite.h"

#include <QBuffer>
#include <QDateTime>
#include <QIODevice>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace claimline {

namespace {

using nlohmann::json;

std::string utf8(const QString &text)
{
    return text.toStdString();
}

// One end of a fuzzy time as a TimelineJS date object: only the fields its precision gives,
// so that "Dec 2025" is shown as a month and not as 1 December. Instants are in the zone's
// wall-clock time; calendar days are the day itself.
json dateObject(std::int64_t instant, Precision precision, const QTimeZone &zone)
{
    const bool hasTime = precision >= Precision::Minute;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(instant, hasTime ? zone : QTimeZone::utc());
    const QDate date = at.date();
    const QTime time = at.time();
    json object = json::object();
    object["year"] = std::to_string(date.year());
    if (precision >= Precision::Month)
        object["month"] = std::to_string(date.month());
    if (precision >= Precision::Day)
        object["day"] = std::to_string(date.day());
    if (hasTime) {
        object["hour"] = std::to_string(time.hour());
        object["minute"] = std::to_string(time.minute());
    }
    if (precision == Precision::Second)
        object["second"] = std::to_string(time.second());
    return object;
}

// start_date, end_date (for a span) and display_date of a slide; false when the time cannot
// be placed (none given).
bool addDates(json &slide, const FuzzyTime &time, const QTimeZone &zone)
{
    if (time.isNull() || (time.isOpenStart() && time.isOpenEnd()))
        return false;
    if (time.isOpenStart()) {
        // "until 29 Dec 2025": placed at its known end.
        slide["start_date"] = dateObject(time.end() - 1, time.endPrecision(), zone);
    } else {
        slide["start_date"] = dateObject(time.start(), time.startPrecision(), zone);
        if (time.isInterval() && !time.isOpenEnd())
            slide["end_date"] = dateObject(time.end() - 1, time.endPrecision(), zone);
    }
    slide["display_date"] = utf8(htmlEscaped(time.toDisplayString(zone)));
    return true;
}

QString paragraph(const QString &text)
{
    return text.isEmpty() ? QString()
                          : QStringLiteral("<p>") + htmlEscaped(text) + QStringLiteral("</p>");
}

// Text of several lines (the public description) as one paragraph per non-empty line: a line
// break in the file would otherwise show as a visible control-character marker.
QString paragraphs(const QString &text)
{
    QString html;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const QStringView trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            html += paragraph(trimmed.toString());
    }
    return html;
}

QString sourcesHtml(const Project &project, IndexRange citations)
{
    QStringList links;
    for (const Citation &citation : project.citations(citations)) {
        if (citation.source == NoIndex)
            continue;
        const Source &source = project.sources()[citation.source];
        QString title = project.text(source.title);
        const QString outlet = project.text(source.outlet);
        if (!outlet.isEmpty())
            title += QStringLiteral(" (") + outlet + QLatin1Char(')');
        links << htmlLink(project.text(source.url), title);
    }
    if (links.isEmpty())
        return {};
    return QStringLiteral("<p><small>Sources: ") + links.join(QStringLiteral("; "))
        + QStringLiteral("</small></p>");
}

QString statusHtml(Status status)
{
    if (status == Status::Unverified)
        return {};
    return QStringLiteral("<p><em>Status: ")
        + QString::fromLatin1(nameOf(status).data(), qsizetype(nameOf(status).size()))
        + QStringLiteral("</em></p>");
}

QString speakerName(const Project &project, Speaker speaker)
{
    if (!speaker.isValid())
        return {};
    return speaker.isParty ? project.text(project.parties()[speaker.index].name)
                           : project.text(project.actors()[speaker.index].name);
}

std::optional<json> eventSlide(const Project &project, std::uint32_t index, const QTimeZone &zone)
{
    const Event &event = project.events()[index];
    json slide = json::object();
    if (!addDates(slide, event.when, zone))
        return std::nullopt;
    slide["unique_id"] = utf8(htmlEscaped(project.text(event.id)));
    QString text = paragraph(project.text(event.summary));
    if (!event.locationName.isEmpty())
        text += QStringLiteral("<p><small>") + htmlEscaped(project.text(event.locationName))
            + QStringLiteral("</small></p>");
    text += statusHtml(event.status) + sourcesHtml(project, event.sources);
    slide["text"]
        = {{"headline", utf8(htmlEscaped(project.text(event.title)))}, {"text", utf8(text)}};
    // TimelineJS has one group per slide: an event goes with the first party it involves.
    const auto parties = project.indices(event.parties);
    if (!parties.empty())
        slide["group"] = utf8(htmlEscaped(project.text(project.parties()[parties.front()].name)));
    return slide;
}

std::optional<json> claimSlide(const Project &project, std::uint32_t index, const QTimeZone &zone)
{
    const Claim &claim = project.claims()[index];
    json slide = json::object();
    if (!addDates(slide, claim.madeAt, zone))
        return std::nullopt;
    slide["unique_id"] = utf8(htmlEscaped(project.text(claim.id)));
    QString headline = speakerName(project, claim.claimant);
    if (claim.via.isValid())
        headline += QStringLiteral(" (via ") + speakerName(project, claim.via) + QLatin1Char(')');
    if (claim.stance != Stance::None)
        headline += QLatin1Char(' ')
            + QString::fromLatin1(nameOf(claim.stance).data(),
                                  qsizetype(nameOf(claim.stance).size()));
    QString text = paragraph(project.text(claim.statement));
    if (!claim.quote.isEmpty())
        text += QStringLiteral("<blockquote>") + htmlEscaped(project.text(claim.quote))
            + QStringLiteral("</blockquote>");
    if (claim.about != NoIndex)
        text += QStringLiteral("<p><small>About: ")
            + htmlEscaped(project.text(project.events()[claim.about].title))
            + QStringLiteral("</small></p>");
    text += statusHtml(claim.status) + sourcesHtml(project, claim.sources);
    slide["text"] = {{"headline", utf8(htmlEscaped(headline))}, {"text", utf8(text)}};
    const std::uint32_t party = project.partyOfClaim(index);
    if (party != NoIndex)
        slide["group"] = utf8(htmlEscaped(project.text(project.parties()[party].name)));
    return slide;
}

// A period as a TimelineJS era: a band behind the slides with its headline. An era needs both
// dates, so a period open at either end is left out (an end made up would be false); dates
// are as precise as the period's ends, like a slide's. Eras outside the filter's date range
// (--from/--to) are left out with the items there; the filter's other criteria are about
// items and keep every period.
std::optional<json> era(const Project &project, const Period &period, const Filter *filter,
                        const QTimeZone &zone)
{
    const FuzzyTime &when = period.when;
    if (when.isNull() || when.isOpenStart() || when.isOpenEnd())
        return std::nullopt;
    if (filter
        && ((filter->dateTo() && when.start() >= *filter->dateTo())
            || (filter->dateFrom() && when.end() <= *filter->dateFrom())))
        return std::nullopt;
    json object = json::object();
    object["start_date"] = dateObject(when.start(), when.startPrecision(), zone);
    object["end_date"] = dateObject(when.end() - 1, when.endPrecision(), zone);
    object["text"] = {{"headline", utf8(htmlEscaped(project.text(period.title)))}};
    return object;
}

// Streams the document: a million slides are never one JSON value in memory.
bool writeJson(const Project &project, const Filter *filter, const TimelineJsOptions &options,
               QIODevice &device, QString *error)
{
    QByteArray buffer;
    bool ok = true;
    const auto flush = [&](bool force) {
        if (ok && (force || buffer.size() >= (1 << 20))) {
            ok = device.write(buffer) == buffer.size();
            buffer.clear();
        }
    };
    QString title = project.text(project.meta().title);
    if (title.isEmpty())
        title = QStringLiteral("Timeline");
    // A published page shows the public description, or nothing: the internal description
    // (conventions, caveats for the team) is never a stand-in for it.
    const json titleSlide
        = {{"text",
            {{"headline", utf8(htmlEscaped(title))},
             {"text", utf8(paragraphs(project.text(project.meta().publicDescription)))}}}};
    buffer += "{\n\"title\": ";
    buffer += QByteArray::fromStdString(
        titleSlide.dump(-1, ' ', false, json::error_handler_t::replace));
    buffer += ",\n\"events\": [";
    bool first = true;
    const auto add = [&](const std::optional<json> &slide) {
        if (!slide)
            return;
        buffer += first ? "\n" : ",\n";
        first = false;
        buffer += QByteArray::fromStdString(
            slide->dump(-1, ' ', false, json::error_handler_t::replace));
        flush(false);
    };
    for (std::uint32_t i = 0; i < project.events().size(); ++i) {
        if (!filter || filter->acceptsEvent(project, i))
            add(eventSlide(project, i, options.zone));
    }
    if (options.includeClaims) {
        for (std::uint32_t i = 0; i < project.claims().size(); ++i) {
            if (!filter || filter->acceptsClaim(project, i))
                add(claimSlide(project, i, options.zone));
        }
    }
    buffer += "\n]";
    // Only when there are some: an export without periods is what it was before them.
    bool firstEra = true;
    for (const Period &period : project.periods()) {
        const std::optional<json> object = era(project, period, filter, options.zone);
        if (!object)
            continue;
        buffer += firstEra ? ",\n\"eras\": [\n" : ",\n";
        firstEra = false;
        buffer += QByteArray::fromStdString(
            object->dump(-1, ' ', false, json::error_handler_t::replace));
    }
    if (!firstEra)
        buffer += "\n]";
    buffer += "\n}\n";
    flush(true);
    if (!ok)
        *error = device.errorString();
    return ok;
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
