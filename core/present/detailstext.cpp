#include "present/detailstext.h"

#include "annotation/itemlayer.h"

#include "evidence/evidenceverifier.h"
#include "model/project.h"
#include "present/labels.h"
#include "text/quotedtext.h"
#include "text/visibletext.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <charconv>

namespace claimline {

namespace {

// Admiralty grades, spelled out: a letter alone means little to most readers.
QString reliabilityText(char grade)
{
    const QString meaning = reliabilityMeaning(grade);
    return meaning.isEmpty() ? QString()
                             : QStringLiteral("%1 (%2)").arg(QString(QLatin1Char(grade)), meaning);
}

QString credibilityText(std::uint8_t grade)
{
    switch (grade) {
    case 1:
        return DetailsText::tr("1 (confirmed)");
    case 2:
        return DetailsText::tr("2 (probably true)");
    case 3:
        return DetailsText::tr("3 (possibly true)");
    case 4:
        return DetailsText::tr("4 (doubtful)");
    case 5:
        return DetailsText::tr("5 (improbable)");
    case 6:
        return DetailsText::tr("6 (truth cannot be judged)");
    default:
        return {};
    }
}

} // namespace

DetailsText::DetailsText(const Project &project, const QTimeZone &zone)
    : m_project(project)
    , m_zone(zone)
{ }

QString DetailsText::hint()
{
    return tr("Select an event or claim on the timeline to see its details.");
}

DetailsLines DetailsText::describe(const std::vector<ItemRef> &items, ItemRef current)
{
    m_lines.clear();
    if (!current.isValid() && !items.empty())
        current = items.back();
    if (items.size() > 1)
        add(DetailsLine::Role::Note, tr("%1 items selected").arg(items.size()));
    if (!current.isValid() || !m_project.contains(current)) {
        add(DetailsLine::Role::Note, hint());
        return std::move(m_lines);
    }
    switch (current.kind) {
    case ItemKind::Party:
        describeParty(current.index);
        break;
    case ItemKind::Actor:
        describeActor(current.index);
        break;
    case ItemKind::Source:
        describeSource(current.index);
        break;
    case ItemKind::Event:
        describeEvent(current.index);
        break;
    case ItemKind::Question:
        describeQuestion(current.index);
        break;
    case ItemKind::Claim:
        describeClaim(current.index);
        break;
    }
    addLayer(current);
    return std::move(m_lines);
}

QString DetailsText::toPlainText(const DetailsLines &lines)
{
    QStringList out;
    for (const DetailsLine &line : lines) {
        switch (line.role) {
        case DetailsLine::Role::Heading:
            out << QString() << line.text;
            break;
        case DetailsLine::Role::Field:
            out << line.label + QStringLiteral(": ") + line.text;
            break;
        case DetailsLine::Role::Item:
            out << QStringLiteral("• ") + line.text;
            break;
        case DetailsLine::Role::Detail:
            out << QStringLiteral("   ") + line.text;
            break;
        case DetailsLine::Role::Note:
        case DetailsLine::Role::Title:
        case DetailsLine::Role::Text:
            out << line.text;
            break;
        }
    }
    return out.join(QLatin1Char('\n'));
}

// --- items ------------------------------------------------------------------------------

void DetailsText::describeEvent(std::uint32_t index)
{
    const Event &event = m_project.events()[index];
    add(DetailsLine::Role::Title, fileText(event.title));
    addField(tr("Date"), time(event.when));
    QStringList parties;
    for (const std::uint32_t party : m_project.indices(event.parties))
        parties << partyName(party);
    addField(tr("Parties"), parties.join(QStringLiteral(", ")));
    if (event.kind != NoIndex)
        addField(tr("Kind"), word(event.kind));
    QStringList tags;
    for (const std::uint32_t tag : m_project.indices(event.tags))
        tags << word(tag);
    addField(tr("Tags"), tags.join(QStringLiteral(", ")));
    addField(tr("Location"), locationText(event));
    addField(tr("Id"), fileText(event.id));
    addField(tr("Origin"), originText(m_project.originOf(event)));
    addStatus(event.status, event.history);

    if (!event.summary.isEmpty()) {
        add(DetailsLine::Role::Heading, tr("Summary"));
        addParagraphs(DetailsLine::Role::Text, m_project.text(event.summary));
    }

    addCitations(event.sources);

    // The claims about the event, oldest first. There is no index by event: one pass over
    // the claims per refresh is cheap next to drawing them, and the view refreshes at most
    // once per event-loop turn.
    std::vector<std::uint32_t> claims;
    for (std::uint32_t c = 0; c < m_project.claims().size(); ++c) {
        if (m_project.claims()[c].about == index)
            claims.push_back(c);
    }
    std::stable_sort(claims.begin(), claims.end(), [this](std::uint32_t a, std::uint32_t b) {
        return m_project.claims()[a].madeAt < m_project.claims()[b].madeAt;
    });
    add(DetailsLine::Role::Heading, tr("Claims about this event (%1)").arg(claims.size()));
    if (claims.empty())
        add(DetailsLine::Role::Item, tr("No claim recorded"));
    for (const std::uint32_t c : claims) {
        const Claim &claim = m_project.claims()[c];
        add(DetailsLine::Role::Item,
            speakerName(claim.claimant) + QStringLiteral(", ") + shortTime(claim.madeAt));
        addParagraphs(DetailsLine::Role::Detail, m_project.text(claim.statement));
    }

    if (!event.notes.isEmpty()) {
        add(DetailsLine::Role::Heading, tr("Notes"));
        addParagraphs(DetailsLine::Role::Text, m_project.text(event.notes));
    }

    if (const Origin *origin = m_project.originOf(event))
        addAttributes(origin->attributes);
}

void DetailsText::describeClaim(std::uint32_t index)
{
    const Claim &claim = m_project.claims()[index];
    add(DetailsLine::Role::Title, tr("Claim by %1").arg(speakerName(claim.claimant)));
    addParagraphs(DetailsLine::Role::Text, m_project.text(claim.statement));
    if (claim.via.isValid())
        addField(tr("Via"), speakerName(claim.via));
    addField(tr("Made"), time(claim.madeAt));
    if (claim.about != NoIndex)
        addField(tr("About"), eventTitle(claim.about));
    if (claim.question != NoIndex && claim.question < m_project.questions().size())
        addField(tr("Question"), fileText(m_project.questions()[claim.question].text));
    if (claim.stance != Stance::None)
        addField(tr("Stance"), fileWord(nameOf(claim.stance)));
    addField(tr("Credibility"), credibilityText(claim.credibility));
    addField(tr("Id"), fileText(claim.id));
    addStatus(claim.status, claim.history);

    if (!claim.quote.isEmpty()) {
        add(DetailsLine::Role::Heading, tr("Quote"));
        addParagraphs(DetailsLine::Role::Text, inQuotes(m_project.text(claim.quote)));
        if (claim.quoteSpeaker != NoIndex)
            addField(tr("Speaker"), actorName(claim.quoteSpeaker));
        if (!claim.quoteLanguage.isEmpty())
            addField(tr("Language"), fileText(claim.quoteLanguage));
        if (!claim.quoteTranslation.isEmpty())
            addField(tr("Translation"), fileText(claim.quoteTranslation));
    }

    addCitations(claim.sources);

    // What this claim answers: the lag runs from the original to this claim.
    const std::span<const std::uint32_t> answered = m_project.relationsFrom(index);
    if (!answered.empty()) {
        add(DetailsLine::Role::Heading, tr("Answers (%1)").arg(answered.size()));
        for (const std::uint32_t r : answered) {
            const Relation &relation = m_project.relations()[r];
            const Claim &original = m_project.claims()[relation.to];
            add(DetailsLine::Role::Item,
                tr("%1 %2 · lag %3")
                    .arg(fileWord(nameOf(relation.kind)), speakerName(original.claimant),
                         formatLag(responseLag(claim.madeAt, original.madeAt))));
            addParagraphs(DetailsLine::Role::Detail, m_project.text(original.statement));
        }
    }

    const std::vector<Answer> answers = m_project.answers(index);
    add(DetailsLine::Role::Heading, tr("Answered by (%1)").arg(answers.size()));
    if (answers.empty())
        add(DetailsLine::Role::Item, tr("No answer recorded"));
    for (const Answer &answer : answers) {
        const Claim &by = m_project.claims()[answer.claim];
        add(DetailsLine::Role::Item,
            tr("%1 %2 · lag %3")
                .arg(speakerName(by.claimant), fileWord(nameOf(answer.kind)),
                     formatLag(answer.lag)));
        addParagraphs(DetailsLine::Role::Detail, m_project.text(by.statement));
    }

    if (!claim.notes.isEmpty()) {
        add(DetailsLine::Role::Heading, tr("Notes"));
        addParagraphs(DetailsLine::Role::Text, m_project.text(claim.notes));
    }
}

void DetailsText::describeParty(std::uint32_t index)
{
    const Party &party = m_project.parties()[index];
    add(DetailsLine::Role::Title, fileText(party.name));
    addField(tr("Short name"), fileText(party.shortName));
    addField(tr("Kind"), fileWord(nameOf(party.kind)));
    if (party.hasColor)
        addField(tr("Colour"),
                 QStringLiteral("#%1").arg(party.color, 6, 16, QLatin1Char('0')).toUpper());
    std::size_t events = 0;
    for (const Event &event : m_project.events()) {
        const std::span<const std::uint32_t> parties = m_project.indices(event.parties);
        events += std::find(parties.begin(), parties.end(), index) != parties.end() ? 1 : 0;
    }
    std::size_t claims = 0;
    for (std::uint32_t c = 0; c < m_project.claims().size(); ++c)
        claims += m_project.partyOfClaim(c) == index ? 1 : 0;
    addField(tr("Events"), QString::number(events));
    addField(tr("Claims"), QString::number(claims));
    addField(tr("Id"), fileText(party.id));
}

void DetailsText::describeActor(std::uint32_t index)
{
    const Actor &actor = m_project.actors()[index];
    add(DetailsLine::Role::Title, fileText(actor.name));
    addField(tr("Role"), fileText(actor.role));
    if (actor.party != NoIndex)
        addField(tr("Party"), partyName(actor.party));
    QStringList traits;
    if (actor.anonymous)
        traits << tr("anonymous");
    if (actor.collective)
        traits << tr("collective");
    addField(tr("Speaker"), traits.join(QStringLiteral(", ")));
    std::size_t claims = 0;
    for (const Claim &claim : m_project.claims())
        claims += !claim.claimant.isParty && claim.claimant.index == index ? 1 : 0;
    addField(tr("Claims"), QString::number(claims));
    addField(tr("Id"), fileText(actor.id));
}

void DetailsText::describeSource(std::uint32_t index)
{
    const Source &source = m_project.sources()[index];
    add(DetailsLine::Role::Title, fileText(source.title));
    addField(tr("Outlet"), fileText(source.outlet));
    addField(tr("Reliability"), reliabilityText(source.reliability));
    if (!source.published.isNull())
        addField(tr("Published"), time(source.published));
    if (!source.accessed.isNull())
        addField(tr("Accessed"), time(source.accessed));
    addField(tr("Language"), fileText(source.language));
    addField(tr("URL"), fileText(source.url));
    addField(tr("Archived"), fileText(source.archiveUrl));
    addField(tr("Id"), fileText(source.id));
    if (evidenceFails(index))
        add(DetailsLine::Role::Note, tr("⚠ Evidence failed verification: see below."));
    addAttachments(source.attachments);
    if (!source.notes.isEmpty()) {
        add(DetailsLine::Role::Heading, tr("Notes"));
        addParagraphs(DetailsLine::Role::Text, m_project.text(source.notes));
    }
}

bool DetailsText::evidenceFails(std::uint32_t source) const
{
    return m_evidence && m_evidence->sourceFails(m_project, source);
}

void DetailsText::addAttachments(IndexRange attachments)
{
    const auto files = m_project.attachments(attachments);
    if (files.empty())
        return;
    add(DetailsLine::Role::Heading, tr("Evidence (%1)").arg(files.size()));
    for (const Attachment &a : files) {
        add(DetailsLine::Role::Item, a.name.isEmpty() ? fileText(a.path) : fileText(a.name));
        QStringList about;
        about << QLocale().formattedDataSize(qint64(a.size));
        if (!a.mediaType.isEmpty())
            about << fileText(a.mediaType);
        if (!a.added.isNull())
            about << tr("added %1").arg(shortTime(a.added));
        add(DetailsLine::Role::Detail, about.join(QStringLiteral(" · ")));
        add(DetailsLine::Role::Detail,
            tr("sha256 %1").arg(QString::fromLatin1(sha256Hex(a.sha256).c_str())));
        add(DetailsLine::Role::Detail, fileText(a.path));
        if (const EvidenceProblem *problem
            = m_evidence ? m_evidence->problemFor(m_project, a) : nullptr)
            add(DetailsLine::Role::Detail, QStringLiteral("⚠ ") + visibleText(problem->what()));
    }
}

void DetailsText::describeQuestion(std::uint32_t index)
{
    const Question &question = m_project.questions()[index];
    add(DetailsLine::Role::Title, fileText(question.text));
    addField(tr("Claims"), QString::number(m_project.claimsOn(index).size()));
    addField(tr("Id"), fileText(question.id));
}

// --- sections ---------------------------------------------------------------------------

// "Novgorod (town), 58.52100, 31.27500": the name, how precisely the coordinates place the
// event, the coordinates.
QString DetailsText::locationText(const Event &event) const
{
    QString location = fileText(event.locationName);
    const QString precision = event.locationPrecision == LocationPrecision::Unknown
        ? QString()
        : QStringLiteral(" (") + fileWord(nameOf(event.locationPrecision)) + QLatin1Char(')');
    if (!event.hasLocation())
        return location.isEmpty() ? QString() : location + precision;
    const QString coordinates
        = QStringLiteral("%1, %2").arg(event.latitude, 0, 'f', 5).arg(event.longitude, 0, 'f', 5);
    if (location.isEmpty())
        return coordinates + precision;
    if (precision.isEmpty())
        return location + QStringLiteral(" (") + coordinates + QLatin1Char(')');
    return location + precision + QStringLiteral(", ") + coordinates;
}

// "Imported from ACLED, id UKR12345, row updated 10 Jun 2024": where an imported event came
// from; empty for an event that was not imported.
QString DetailsText::originText(const Origin *origin) const
{
    if (!origin || origin->format >= m_project.wordCount())
        return {};
    const std::string_view format = m_project.word(origin->format);
    // The datasets Claimline imports, by their own names; any other as the file spells it.
    QString text;
    if (format == "acled")
        text = tr("Imported from ACLED");
    else if (format == "ucdp")
        text = tr("Imported from UCDP GED");
    else
        text = tr("Imported from %1").arg(word(origin->format));
    if (!origin->id.isEmpty())
        text += tr(", id %1").arg(fileText(origin->id));
    if (!origin->updated.isEmpty())
        text += tr(", row updated %1").arg(updatedText(m_project.view(origin->updated)));
    return text;
}

// A row's "updated" as a date when it is a Unix timestamp (ACLED's, ten digits), else as given.
QString DetailsText::updatedText(std::string_view updated) const
{
    const bool isTimestamp = (updated.size() == 9 || updated.size() == 10)
        && std::all_of(updated.begin(), updated.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!isTimestamp)
        return visibleText(QString::fromUtf8(updated.data(), qsizetype(updated.size())));
    std::int64_t seconds = 0;
    std::from_chars(updated.data(), updated.data() + updated.size(), seconds);
    const QDate day = QDateTime::fromSecsSinceEpoch(seconds, m_zone).date();
    return FuzzyTime::fromDate(day.year(), day.month(), day.day()).toDisplayString(m_zone);
}

// The columns an import kept, in their order, as "key: value" lines. An empty value says
// nothing about the event and is left out.
void DetailsText::addAttributes(IndexRange range)
{
    const std::span<const Attribute> attributes = m_project.attributes(range);
    const auto shown
        = std::count_if(attributes.begin(), attributes.end(),
                        [this](const Attribute &a) { return !word(a.value).isEmpty(); });
    if (shown == 0)
        return;
    add(DetailsLine::Role::Heading, tr("Imported data (%1)").arg(shown));
    for (const Attribute &attribute : attributes)
        addField(word(attribute.key), word(attribute.value));
}

void DetailsText::addStatus(Status status, IndexRange history)
{
    addField(tr("Status"), statusLabel(status));
    const std::span<const StatusChange> changes = m_project.statusChanges(history);
    if (changes.empty())
        return;
    add(DetailsLine::Role::Heading, tr("Status history"));
    for (const StatusChange &change : changes) {
        QString text = shortTime(change.at) + QStringLiteral(" — ") + statusLabel(change.status);
        const QString reason = fileText(change.reason);
        if (!reason.isEmpty())
            text += QStringLiteral(": ") + reason;
        add(DetailsLine::Role::Item, text);
    }
}

void DetailsText::addCitations(IndexRange citations)
{
    const std::span<const Citation> cited = m_project.citations(citations);
    if (cited.empty())
        return;
    add(DetailsLine::Role::Heading, tr("Sources (%1)").arg(cited.size()));
    for (const Citation &citation : cited) {
        if (citation.source >= m_project.sources().size())
            continue;
        // The title on the bullet line, what to make of the source under it: a plain-text
        // view has no hanging indent, so short lines read better than one long one.
        const Source &source = m_project.sources()[citation.source];
        add(DetailsLine::Role::Item, fileText(source.title));
        QStringList about;
        // A dataset's source is an outlet named as its title ("Ukrinform"): said once.
        if (!source.outlet.isEmpty()
            && m_project.view(source.outlet) != m_project.view(source.title))
            about << fileText(source.outlet);
        if (source.reliability != 0)
            about << tr("reliability %1").arg(QLatin1Char(source.reliability));
        if (!source.published.isNull())
            about << tr("published %1").arg(shortTime(source.published));
        if (evidenceFails(citation.source))
            about << tr("⚠ evidence failed verification");
        if (!about.isEmpty())
            add(DetailsLine::Role::Detail, about.join(QStringLiteral(" · ")));
        if (!citation.excerpt.isEmpty())
            addParagraphs(DetailsLine::Role::Detail, inQuotes(m_project.text(citation.excerpt)));
    }
}

// Long text keeps its line breaks (they are harmless in a plain-text view and carry the
// author's paragraphs); everything else hidden in it is shown with visible markers.
void DetailsText::addParagraphs(DetailsLine::Role role, const QString &text)
{
    const QStringList paragraphs = text.split(QLatin1Char('\n'));
    for (QString paragraph : paragraphs) {
        if (paragraph.endsWith(QLatin1Char('\r')))
            paragraph.chop(1);
        add(role, visibleText(paragraph));
    }
}

void DetailsText::addField(const QString &label, const QString &text)
{
    if (text.isEmpty())
        return;
    m_lines.push_back({DetailsLine::Role::Field, label, text});
}

// The analyst's own layer, last: the star, the tags (an event lists its own above) and the
// annotations, oldest first, each under its author and time.
void DetailsText::addLayer(ItemRef item)
{
    const ItemLayer layer = layerOf(m_project, item);
    QStringList tags;
    if (item.kind != ItemKind::Event) {
        for (const std::uint32_t tag : m_project.indices(layer.tags))
            tags << word(tag);
    }
    if (!layer.starred && tags.isEmpty() && layer.annotations.count == 0)
        return;
    // A section of its own, so that the star and the tags never read as part of the last one.
    const std::uint32_t n = layer.annotations.count;
    add(DetailsLine::Role::Heading,
        n == 0       ? tr("Analyst")
            : n == 1 ? tr("Analyst: 1 annotation")
                     : tr("Analyst: %1 annotations").arg(n));
    if (layer.starred)
        addField(tr("Starred"), QStringLiteral("\u2605"));
    addField(tr("Tags"), tags.join(QStringLiteral(", ")));
    for (const Annotation &a : m_project.annotations(layer.annotations)) {
        add(DetailsLine::Role::Item,
            fileText(a.author) + QStringLiteral(" \u00b7 ") + a.at.toDisplayString(m_zone));
        addParagraphs(DetailsLine::Role::Detail, m_project.text(a.text));
    }
}

void DetailsText::add(DetailsLine::Role role, const QString &text)
{
    m_lines.push_back({role, QString(), text});
}

// --- names ------------------------------------------------------------------------------

QString DetailsText::fileText(TextRef ref) const
{
    return visibleText(m_project.text(ref));
}

QString DetailsText::word(std::uint32_t index) const
{
    if (index >= m_project.wordCount())
        return {};
    const std::string_view text = m_project.word(index);
    return visibleText(QString::fromUtf8(text.data(), qsizetype(text.size())));
}

QString DetailsText::time(const FuzzyTime &time) const
{
    if (time.isNull())
        return tr("not given");
    return tr("%1 (EDTF %2)")
        .arg(time.toDisplayString(m_zone), QString::fromStdString(time.toEdtf()));
}

QString DetailsText::shortTime(const FuzzyTime &time) const
{
    return time.isNull() ? tr("no date") : time.toDisplayString(m_zone);
}

QString DetailsText::partyName(std::uint32_t party) const
{
    if (party >= m_project.parties().size())
        return tr("unknown party");
    return fileText(m_project.parties()[party].name);
}

QString DetailsText::actorName(std::uint32_t actor) const
{
    if (actor >= m_project.actors().size())
        return tr("unknown actor");
    return fileText(m_project.actors()[actor].name);
}

// "Sergei Lavrov (Russia)" for an actor of a party, "Reuters" for a party.
QString DetailsText::speakerName(Speaker speaker) const
{
    if (!speaker.isValid())
        return tr("unknown claimant");
    if (speaker.isParty)
        return partyName(speaker.index);
    QString name = actorName(speaker.index);
    if (speaker.index < m_project.actors().size()) {
        const std::uint32_t party = m_project.actors()[speaker.index].party;
        if (party != NoIndex)
            name += QStringLiteral(" (") + partyName(party) + QLatin1Char(')');
    }
    return name;
}

QString DetailsText::eventTitle(std::uint32_t event) const
{
    if (event >= m_project.events().size())
        return tr("unknown event");
    return fileText(m_project.events()[event].title);
}

} // namespace claimline
