#include "document/savedview.h"

#include "document/document.h"
#include "model/project.h"

#include <QCoreApplication>

#include <string_view>
#include <unordered_map>

namespace claimline {

namespace {

using json = nlohmann::json;

constexpr std::int64_t SecondsPerDay = 86400;
constexpr std::string_view NoStanceName = "none";

// --- times ---------------------------------------------------------------------------------

std::optional<std::int64_t> startOf(const std::string &text)
{
    const auto time = FuzzyTime::parse(text);
    if (!time || time->isNull() || time->isOpenStart())
        return std::nullopt;
    return time->start();
}

std::optional<std::int64_t> endOf(const std::string &text)
{
    const auto time = FuzzyTime::parse(text);
    if (!time || time->isNull() || time->isOpenEnd())
        return std::nullopt;
    return time->end();
}

bool isMultiple(std::int64_t seconds, std::int64_t unit)
{
    return seconds % unit == 0;
}

// The shortest EDTF time that starts at the instant: a day at a UTC midnight, else a minute
// or a second.
std::string edtfStartingAt(std::int64_t seconds)
{
    const Precision precision = isMultiple(seconds, SecondsPerDay) ? Precision::Day
        : isMultiple(seconds, 60)                                  ? Precision::Minute
                                                                   : Precision::Second;
    return FuzzyTime::fromInstant(seconds, precision).toEdtf();
}

// The shortest EDTF time that ends at the instant (exclusive): [.., 2 Jan 00:00) is
// "2026-01-01", the whole of the last day.
std::string edtfEndingAt(std::int64_t seconds)
{
    if (isMultiple(seconds, SecondsPerDay))
        return FuzzyTime::fromInstant(seconds - SecondsPerDay, Precision::Day).toEdtf();
    if (isMultiple(seconds, 60))
        return FuzzyTime::fromInstant(seconds - 60, Precision::Minute).toEdtf();
    return FuzzyTime::fromInstant(seconds - 1, Precision::Second).toEdtf();
}

// The text to write for a range end: the text read when it still means the same instant (or
// when it was never understood and nothing replaced it), else a new one.
std::string startText(std::optional<std::int64_t> seconds, const std::string &text)
{
    if (seconds ? startOf(text) == seconds : !startOf(text))
        return text;
    return seconds ? edtfStartingAt(*seconds) : std::string();
}

std::string endText(std::optional<std::int64_t> seconds, const std::string &text)
{
    if (seconds ? endOf(text) == seconds : !endOf(text))
        return text;
    return seconds ? edtfEndingAt(*seconds) : std::string();
}

// --- references ----------------------------------------------------------------------------

std::string_view idOf(const Project &project, ItemKind kind, std::uint32_t index)
{
    return project.view(project.idOf({kind, index}));
}

// Resolves an array of ids of one kind; entries that are not ids of that kind go to lost.
template<typename Add>
void readIds(const json &array, const Project &project, ItemKind kind, json &lost, Add add)
{
    for (const json &entry : array) {
        std::optional<ItemRef> item;
        if (entry.is_string())
            item = project.find(entry.get_ref<const std::string &>());
        if (item && item->kind == kind)
            add(item->index);
        else
            lost.push_back(entry);
    }
}

// Resolves an array of enum names (bits of a mask); unknown names go to lost.
template<std::size_t N>
std::uint32_t readNames(const json &array, const std::array<std::string_view, N> &names,
                        std::string_view emptyName, json &lost)
{
    std::uint32_t mask = 0;
    for (const json &entry : array) {
        bool known = false;
        if (entry.is_string()) {
            const std::string &name = entry.get_ref<const std::string &>();
            for (std::size_t i = 0; i < N; ++i) {
                const std::string_view spelled = names[i].empty() ? emptyName : names[i];
                if (name == spelled) {
                    mask |= 1u << i;
                    known = true;
                }
            }
        }
        if (!known)
            lost.push_back(entry);
    }
    return mask;
}

template<std::size_t N>
json writeNames(std::uint32_t mask, const std::array<std::string_view, N> &names,
                std::string_view emptyName)
{
    json array = json::array();
    for (std::size_t i = 0; i < N; ++i) {
        if (mask & (1u << i))
            array.push_back(std::string(names[i].empty() ? emptyName : names[i]));
    }
    return array;
}

// Sets key to the array when it has entries, followed by those of the same key that named
// nothing in the project when it was read.
void putArray(json &object, const json &unresolved, const char *key, json array)
{
    if (const auto lost = unresolved.find(key); lost != unresolved.end() && lost->is_array()) {
        for (const json &entry : *lost)
            array.push_back(entry);
    }
    if (!array.empty())
        object[key] = std::move(array);
}

template<typename Indices>
json partyIds(const Project &project, const Indices &parties)
{
    json array = json::array();
    for (const std::uint32_t party : parties) {
        if (party < project.parties().size())
            array.push_back(std::string(idOf(project, ItemKind::Party, party)));
    }
    return array;
}

// Word index by text, for tags (the project interns each word once).
std::unordered_map<std::string_view, std::uint32_t> wordIndex(const Project &project)
{
    std::unordered_map<std::string_view, std::uint32_t> words;
    for (std::uint32_t i = 0; i < project.wordCount(); ++i)
        words.emplace(project.word(i), i);
    return words;
}

// An Admiralty letter "A".."F", or 0.
char reliabilityOf(const json &value)
{
    if (!value.is_string())
        return 0;
    const std::string &text = value.get_ref<const std::string &>();
    return text.size() == 1 && text[0] >= 'A' && text[0] <= 'F' ? text[0] : 0;
}

void readFilter(const json &filter, const Project &project, SavedView &view)
{
    for (const auto &[key, value] : filter.items()) {
        if (key == "hidden_parties" && value.is_array()) {
            readIds(value, project, ItemKind::Party, view.unresolved[key],
                    [&view](std::uint32_t i) { view.hiddenParties.insert(i); });
        } else if (key == "statuses" && value.is_array()) {
            view.statuses = readNames(value, StatusNames, {}, view.unresolved[key]);
        } else if (key == "stances" && value.is_array()) {
            view.stances = readNames(value, StanceNames, NoStanceName, view.unresolved[key]);
        } else if (key == "tags" && value.is_array()) {
            const auto words = wordIndex(project);
            for (const json &entry : value) {
                const auto word = entry.is_string()
                    ? words.find(entry.get_ref<const std::string &>())
                    : words.end();
                if (word != words.end())
                    view.tags.insert(word->second);
                else
                    view.unresolved[key].push_back(entry);
            }
        } else if (key == "questions" && value.is_array()) {
            readIds(value, project, ItemKind::Question, view.unresolved[key],
                    [&view](std::uint32_t i) { view.questions.insert(i); });
        } else if (key == "text" && value.is_string()) {
            view.text = QString::fromStdString(value.get<std::string>());
        } else if (key == "starred" && value.is_boolean()) {
            view.starredOnly = value.get<bool>();
        } else if (key == "annotated" && value.is_boolean()) {
            view.annotatedOnly = value.get<bool>();
        } else if (key == "annotated_by" && value.is_string()) {
            view.annotationAuthor = QString::fromStdString(value.get<std::string>()).simplified();
        } else if (key == "reliability" && reliabilityOf(value) != 0) {
            view.reliability = reliabilityOf(value);
        } else if (key == "from" && value.is_string()) {
            view.dateFromText = value.get<std::string>();
            view.dateFrom = startOf(view.dateFromText);
        } else if (key == "to" && value.is_string()) {
            view.dateToText = value.get<std::string>();
            view.dateTo = endOf(view.dateToText);
        } else {
            view.filterExtra[key] = value;
        }
    }
}

json writeFilter(const SavedView &view, const Project &project)
{
    json filter = view.filterExtra.is_object() ? view.filterExtra : json::object();
    const json &lost = view.unresolved;
    putArray(filter, lost, "hidden_parties", partyIds(project, view.hiddenParties));
    // Every status shown is the default: written only when something is not (or when the
    // file listed names we do not know, which are kept).
    putArray(filter, lost, "statuses",
             view.statuses == Filter::AllStatuses && !lost.contains("statuses")
                 ? json::array()
                 : writeNames(view.statuses, StatusNames, {}));
    putArray(filter, lost, "stances",
             view.stances == Filter::AllStances && !lost.contains("stances")
                 ? json::array()
                 : writeNames(view.stances, StanceNames, NoStanceName));
    json tags = json::array();
    for (const std::uint32_t tag : view.tags) {
        if (tag < project.wordCount())
            tags.push_back(std::string(project.word(tag)));
    }
    putArray(filter, lost, "tags", std::move(tags));
    json questions = json::array();
    for (const std::uint32_t question : view.questions) {
        if (question < project.questions().size())
            questions.push_back(std::string(idOf(project, ItemKind::Question, question)));
    }
    putArray(filter, lost, "questions", std::move(questions));
    if (!view.text.isEmpty())
        filter["text"] = view.text.toStdString();
    if (view.reliability >= 'A' && view.reliability <= 'F')
        filter["reliability"] = std::string(1, view.reliability);
    if (view.starredOnly)
        filter["starred"] = true;
    if (view.annotatedOnly)
        filter["annotated"] = true;
    if (!view.annotationAuthor.isEmpty())
        filter["annotated_by"] = view.annotationAuthor.toStdString();
    if (const std::string from = startText(view.dateFrom, view.dateFromText); !from.empty())
        filter["from"] = from;
    if (const std::string to = endText(view.dateTo, view.dateToText); !to.empty())
        filter["to"] = to;
    return filter;
}

QString quotedName(const QString &name)
{
    return QChar(0x201C) + name + QChar(0x201D);
}

// The index in `views` of the first object named name, or -1.
std::ptrdiff_t findView(const json &views, const QString &name)
{
    if (!views.is_array())
        return -1;
    const std::string wanted = name.toStdString();
    for (std::size_t i = 0; i < views.size(); ++i) {
        const json &view = views[i];
        if (!view.is_object())
            continue;
        const auto it = view.find("name");
        if (it != view.end() && it->is_string() && it->get_ref<const std::string &>() == wanted)
            return std::ptrdiff_t(i);
    }
    return -1;
}

} // namespace

SavedView SavedView::fromJson(const json &object, const Project &project)
{
    SavedView view;
    if (!object.is_object())
        return view;
    for (const auto &[key, value] : object.items()) {
        if (key == "name" && value.is_string()) {
            view.name = QString::fromStdString(value.get<std::string>());
        } else if (key == "from" && value.is_string()) {
            view.fromText = value.get<std::string>();
            view.from = startOf(view.fromText);
        } else if (key == "to" && value.is_string()) {
            view.toText = value.get<std::string>();
            view.to = endOf(view.toText);
        } else if ((key == "a" || key == "b" || key == "lanes") && value.is_array()) {
            std::vector<std::uint32_t> &parties
                = key == "a" ? view.a : (key == "b" ? view.b : view.lanes);
            readIds(value, project, ItemKind::Party, view.unresolved[key],
                    [&parties](std::uint32_t i) { parties.push_back(i); });
        } else if (key == "filter" && value.is_object()) {
            readFilter(value, project, view);
        } else {
            view.extra[key] = value;
        }
    }
    // Keys whose every entry resolved leave no trace.
    for (auto it = view.unresolved.begin(); it != view.unresolved.end();) {
        if (it->is_null() || it->empty())
            it = view.unresolved.erase(it);
        else
            ++it;
    }
    return view;
}

json SavedView::toJson(const Project &project) const
{
    json object = extra.is_object() ? extra : json::object();
    if (!name.isEmpty())
        object["name"] = name.toStdString();
    if (const std::string text = startText(from, fromText); !text.empty())
        object["from"] = text;
    if (const std::string text = endText(to, toText); !text.empty())
        object["to"] = text;
    putArray(object, unresolved, "a", partyIds(project, a));
    putArray(object, unresolved, "b", partyIds(project, b));
    putArray(object, unresolved, "lanes", partyIds(project, lanes));
    json filter = writeFilter(*this, project);
    if (!filter.empty())
        object["filter"] = std::move(filter);
    return object;
}

bool SavedView::hasFilter() const
{
    return !hiddenParties.empty() || statuses != Filter::AllStatuses
        || stances != Filter::AllStances || !tags.empty() || !questions.empty() || dateFrom
        || dateTo || reliability != 0 || !text.trimmed().isEmpty() || starredOnly || annotatedOnly
        || !annotationAuthor.isEmpty();
}

std::vector<SavedView> savedViews(const Project &project)
{
    std::vector<SavedView> views;
    const json &array = project.views();
    if (!array.is_array())
        return views;
    for (const json &entry : array) {
        if (entry.is_object())
            views.push_back(SavedView::fromJson(entry, project));
    }
    return views;
}

void applySavedView(const SavedView &view, Filter &filter)
{
    filter.beginUpdate();
    const std::set<std::uint32_t> hidden = filter.hiddenParties(); // a copy: it changes below
    for (const std::uint32_t party : hidden) {
        if (view.hiddenParties.count(party) == 0)
            filter.setPartyHidden(party, false);
    }
    for (const std::uint32_t party : view.hiddenParties)
        filter.setPartyHidden(party, true);
    for (std::size_t s = 0; s < StatusNames.size(); ++s)
        filter.setStatusShown(Status(s), view.statuses & (1u << s));
    for (std::size_t s = 0; s < StanceNames.size(); ++s)
        filter.setStanceShown(Stance(s), view.stances & (1u << s));
    filter.setTags(view.tags);
    filter.setQuestions(view.questions);
    filter.setDateRange(view.dateFrom, view.dateTo);
    filter.setMinimumReliability(view.reliability);
    filter.setStarredOnly(view.starredOnly);
    filter.setAnnotatedOnly(view.annotatedOnly);
    filter.setAnnotationAuthor(view.annotationAuthor);
    filter.setTextQuery(view.text);
    filter.endUpdate();
}

void captureFilter(const Filter &filter, SavedView &view)
{
    view.hiddenParties = filter.hiddenParties();
    view.statuses = filter.statuses();
    view.stances = filter.stances();
    view.tags = filter.tags();
    view.questions = filter.questions();
    view.dateFrom = filter.dateFrom();
    view.dateTo = filter.dateTo();
    view.reliability = filter.minimumReliability();
    view.starredOnly = filter.starredOnly();
    view.annotatedOnly = filter.annotatedOnly();
    view.annotationAuthor = filter.annotationAuthor();
    view.text = filter.textQuery();
}

void saveView(Document &document, const SavedView &view)
{
    const Project &project = document.project();
    json views = project.views().is_array() ? project.views() : json::array();
    json entry = view.toJson(project);
    if (const std::ptrdiff_t at = findView(views, view.name); at >= 0)
        views[std::size_t(at)] = std::move(entry);
    else
        views.push_back(std::move(entry));
    document.setViews(std::move(views),
                      QCoreApplication::translate("claimline::SavedView", "Save view %1")
                          .arg(quotedName(view.name)));
}

bool deleteView(Document &document, const QString &name)
{
    json views = document.project().views();
    const std::ptrdiff_t at = findView(views, name);
    if (at < 0)
        return false;
    views.erase(std::size_t(at));
    document.setViews(std::move(views),
                      QCoreApplication::translate("claimline::SavedView", "Delete view %1")
                          .arg(quotedName(name)));
    return true;
}

} // namespace claimline
