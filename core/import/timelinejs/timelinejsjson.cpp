#include "import/timelinejs/timelinejsjson.h"

#include "import/formats/fieldtext.h"
#include "import/timelinejs/timelinejsdate.h"
#include "import/timelinejs/timelinejsdocument.h"
#include "import/timelinejs/timelinejsslide.h"
#include "text/htmltotext.h"

#include <QFile>
#include <QStringBuilder>

#include <algorithm>
#include <array>
#include <charconv>

namespace claimline {

namespace {

using Json = nlohmann::json;

constexpr DatePartNames StartNames {"start_date.year",
                                    "start_date.month",
                                    "start_date.day",
                                    "start_date.hour",
                                    "start_date.minute",
                                    "start_date.second",
                                    {}};
constexpr DatePartNames EndNames {"end_date.year",
                                  "end_date.month",
                                  "end_date.day",
                                  "end_date.hour",
                                  "end_date.minute",
                                  "end_date.second",
                                  {}};

QString text(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

// The member `key` of `value` when it is an object that has it; else null.
const Json *member(const Json *value, const char *key)
{
    if (!value || !value->is_object())
        return nullptr;
    const auto found = value->find(key);
    return found == value->end() ? nullptr : &*found;
}

// A scalar's text: a string as it is, a number as JSON writes it (made in `buffer`), null or
// nothing as empty. False for a boolean, an object or an array.
bool scalarText(const Json *value, std::string &buffer, std::string_view &out)
{
    out = {};
    if (!value || value->is_null())
        return true;
    if (value->is_string()) {
        out = value->get_ref<const std::string &>();
        return true;
    }
    if (!value->is_number())
        return false;
    std::array<char, 40> digits {};
    std::to_chars_result result {};
    if (value->is_number_unsigned())
        result = std::to_chars(digits.data(), digits.data() + digits.size(),
                               value->get<std::uint64_t>());
    else if (value->is_number_integer())
        result = std::to_chars(digits.data(), digits.data() + digits.size(),
                               value->get<std::int64_t>());
    else
        result = std::to_chars(digits.data(), digits.data() + digits.size(), value->get<double>());
    buffer.assign(digits.data(), result.ptr);
    out = buffer;
    return true;
}

// A text member of a slide ("headline", "caption"): a boolean, object or array is none.
std::string_view textOf(const Json *object, const char *key, std::string &buffer)
{
    std::string_view out;
    return scalarText(member(object, key), buffer, out) ? out : std::string_view();
}

// The parts of a start_date or end_date object (numbers made text in `buffers`).
QString readParts(const Json *date, const DatePartNames &names, std::array<std::string, 6> &buffers,
                  DateParts &parts)
{
    parts = {};
    if (!date || date->is_null())
        return {};
    if (!date->is_object()) {
        const std::string_view object = names.year.substr(0, names.year.find('.'));
        return text(object) % QStringLiteral(" is not an object");
    }
    const std::array<const char *, 6> keys {"year", "month", "day", "hour", "minute", "second"};
    const std::array<std::string_view *, 6> values {&parts.year, &parts.month,  &parts.day,
                                                    &parts.hour, &parts.minute, &parts.second};
    const std::array<std::string_view, 6> partNames {names.year, names.month,  names.day,
                                                     names.hour, names.minute, names.second};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!scalarText(member(date, keys[i]), buffers[i], *values[i]))
            return text(partNames[i]) % QStringLiteral(" is not text or a number");
    }
    return {};
}

class TimelineJsJsonSource final : public RowSource
{
public:
    TimelineJsJsonSource(TimelineJsDocument document, std::int64_t size)
        : m_document(std::move(document))
        , m_size(size)
    {
        const Json &root = m_document.root;
        m_events = member(&root, "events");
        m_eras = member(&root, "eras");
        if (m_eras && !m_eras->is_array())
            m_eras = nullptr;
        readTitle(member(&root, "title"));
    }

    ImportFormat format() const override { return ImportFormat::TimelineJs; }
    std::int64_t bytesRead() const override { return m_bytesRead; }
    QString error() const override { return {}; }
    const DatasetExtras &extras() const override { return m_extras; }

    bool next(ImportRow &row, QString &problem) override
    {
        if (m_nextEvent < m_events->size()) {
            row.clear();
            row.line = placeOf(m_document.events, m_nextEvent).line;
            problem = readSlide((*m_events)[m_nextEvent++], row);
            return true;
        }
        // The eras once the slides are read: each one a period, or a refused row.
        while (m_eras && m_nextEra < m_eras->size()) {
            row.clear();
            row.line = placeOf(m_document.eras, m_nextEra).line;
            problem = readEra((*m_eras)[m_nextEra++]);
            if (!problem.isEmpty()) {
                problem.prepend(QStringLiteral("era: "));
                return true;
            }
        }
        m_bytesRead = m_size;
        return false;
    }

private:
    JsonPlace placeOf(const std::vector<JsonPlace> &places, std::size_t index)
    {
        const JsonPlace place = index < places.size() ? places[index] : JsonPlace();
        m_bytesRead = std::max(m_bytesRead, place.byte);
        return place;
    }

    void readTitle(const Json *title)
    {
        const Json *texts = member(title, "text");
        m_extras.title = trimmedField(htmlToLine(textOf(texts, "headline", m_buffers[0])));
        m_extras.description = htmlToText(textOf(texts, "text", m_buffers[1])).text;
    }

    // The texts of a slide or era object.
    TimelineJsSlide slideTexts(const Json &object)
    {
        const Json *texts = member(&object, "text");
        const Json *media = member(&object, "media");
        TimelineJsSlide slide;
        slide.headline = textOf(texts, "headline", m_buffers[0]);
        slide.text = textOf(texts, "text", m_buffers[1]);
        slide.displayDate = textOf(&object, "display_date", m_buffers[2]);
        if (slide.displayDate.empty()) // TimelineJS also reads it from the start_date object
            slide.displayDate = textOf(member(&object, "start_date"), "display_date", m_buffers[2]);
        slide.mediaUrl = textOf(media, "url", m_buffers[3]);
        slide.mediaCaption = textOf(media, "caption", m_buffers[4]);
        slide.mediaCredit = textOf(media, "credit", m_buffers[5]);
        slide.group = textOf(&object, "group", m_buffers[6]);
        slide.type = textOf(&object, "type", m_buffers[7]);
        slide.uniqueId = textOf(&object, "unique_id", m_buffers[8]);
        return slide;
    }

    // The time from the object's start_date and end_date.
    QString span(const Json &object, FuzzyTime &when)
    {
        const Json *start = member(&object, "start_date");
        if (!start || start->is_null())
            return QStringLiteral("no start_date");
        DateParts first;
        if (QString problem = readParts(start, StartNames, m_startBuffers, first);
            !problem.isEmpty())
            return problem;
        if (isEmpty(first))
            return QStringLiteral("start_date has no year");
        DateParts last;
        if (QString problem = readParts(member(&object, "end_date"), EndNames, m_endBuffers, last);
            !problem.isEmpty())
            return problem;
        return readSpan(first, StartNames, last, EndNames, when);
    }

    QString readSlide(const Json &object, ImportRow &row)
    {
        if (!object.is_object())
            return QStringLiteral("the slide is not an object");
        const TimelineJsSlide slide = slideTexts(object);
        row.id = trimmedField(slide.uniqueId); // a refused slide keeps its id
        if (QString problem = span(object, row.when); !problem.isEmpty())
            return problem;
        if (QString problem = readPlace(member(&object, "location"), row); !problem.isEmpty())
            return problem;
        m_slides.fill(slide, row);
        return {};
    }

    QString readPlace(const Json *location, ImportRow &row)
    {
        if (!location || !location->is_object())
            return {};
        std::string_view latitude;
        std::string_view longitude;
        if (!scalarText(member(location, "lat"), m_latitude, latitude))
            return QStringLiteral("location.lat is not text or a number");
        if (!scalarText(member(location, "lon"), m_longitude, longitude))
            return QStringLiteral("location.lon is not text or a number");
        if (QString problem = readCoordinates(latitude, longitude, row.latitude, row.longitude);
            !problem.isEmpty())
            return QStringLiteral("location.") % problem;
        m_placeName = htmlToLine(textOf(location, "name", m_locationName));
        row.locationName = trimmedField(m_placeName);
        return {};
    }

    QString readEra(const Json &object)
    {
        if (!object.is_object())
            return QStringLiteral("the era is not an object");
        FuzzyTime when;
        if (QString problem = span(object, when); !problem.isEmpty())
            return problem;
        m_extras.periods.push_back({slideTitle(slideTexts(object), when), when});
        return {};
    }

    TimelineJsDocument m_document;
    const Json *m_events = nullptr; // an array: checked before the source is made
    const Json *m_eras = nullptr; // an array or null
    std::size_t m_nextEvent = 0;
    std::size_t m_nextEra = 0;
    std::int64_t m_size = 0;
    std::int64_t m_bytesRead = 0;
    DatasetExtras m_extras;
    SlideRows m_slides;
    // Numbers given as slide texts or date parts, made text.
    std::array<std::string, 9> m_buffers;
    std::array<std::string, 6> m_startBuffers, m_endBuffers;
    std::string m_latitude, m_longitude, m_locationName;
    std::string m_placeName; // the row's locationName points here
};

} // namespace

std::unique_ptr<RowSource> readTimelineJsJson(std::string_view bytes, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = QStringLiteral("not a TimelineJS file: ") % why;
        return nullptr;
    };
    TimelineJsDocument document;
    if (QString problem = parseTimelineJsDocument(bytes, document); !problem.isEmpty())
        return fail(problem);
    if (!document.root.is_object())
        return fail(QStringLiteral("it is not a JSON object"));
    const Json *events = member(&document.root, "events");
    if (!events)
        return fail(QStringLiteral("it has no \"events\" list"));
    if (!events->is_array())
        return fail(QStringLiteral("its \"events\" are not a list"));
    return std::make_unique<TimelineJsJsonSource>(std::move(document), std::int64_t(bytes.size()));
}

std::unique_ptr<RowSource> openTimelineJsJson(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot be read: %1").arg(file.errorString());
        return nullptr;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = QStringLiteral("cannot be read: %1").arg(file.errorString());
        return nullptr;
    }
    return readTimelineJsJson(std::string_view(bytes.constData(), std::size_t(bytes.size())),
                              error);
}

} // namespace claimline
