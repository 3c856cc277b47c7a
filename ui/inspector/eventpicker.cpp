#include "inspector/eventpicker.h"

#include "document/document.h"
#include "search/searchindex.h"
#include "text/visibletext.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>

#include <bit>

namespace claimline {

namespace {

constexpr int EventRole = Qt::UserRole + 1;

} // namespace

EventPicker::EventPicker(const Document *document, QWidget *parent)
    : QLineEdit(parent)
    , m_document(document)
    , m_completer(new QCompleter(this))
    , m_model(new QStandardItemModel(this))
{
    Q_ASSERT(document);
    setPlaceholderText(tr("none: type to find an event by its title"));
    setClearButtonEnabled(true);
    // Not QLineEdit::setCompleter(): the line edit would filter the matches again by prefix
    // and write the picked row's text (title and date) into the field. The matches are
    // already filtered; the popup shows them all.
    m_completer->setModel(m_model);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(10);
    m_completer->setWidget(this);
    connect(this, &QLineEdit::textEdited, this, &EventPicker::updateMatches);
    connect(this, &QLineEdit::editingFinished, this, &EventPicker::finish);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                const QVariant event = index.data(EventRole);
                if (!event.isValid())
                    return;
                setEvent(event.value<std::uint32_t>());
                Q_EMIT eventPicked(m_event);
            });
}

EventPicker::~EventPicker()
{
    // A line edit announces editingFinished as it loses focus while it goes.
    disconnect(this, &QLineEdit::editingFinished, this, &EventPicker::finish);
}

QString EventPicker::titleOf(std::uint32_t event) const
{
    const Project &project = m_document->project();
    return event < project.events().size() ? project.text(project.events()[event].title)
                                           : QString();
}

void EventPicker::setEvent(std::uint32_t event)
{
    m_event = event < m_document->project().events().size() ? event : NoIndex;
    const QString title = titleOf(m_event);
    if (text() != title) {
        setText(title);
        setCursorPosition(0);
    }
    setModified(false);
}

void EventPicker::updateMatches(const QString &text)
{
    m_matches.clear();
    m_model->clear();
    const QString query = text.trimmed();
    if (query.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    const Project &project = m_document->project();
    // The index matches summaries and party names too: look at a few more than are shown and
    // put those with the text in their title first.
    const SearchMatches found
        = project.searchIndex().search(project, SearchIndex::foldQuery(query));
    std::vector<std::uint32_t> inTitle, elsewhere;
    const std::size_t enough = std::size_t(MaxMatches) * 4;
    for (std::size_t word = 0; word < found.events.size(); ++word) {
        for (std::uint64_t bits = found.events[word]; bits; bits &= bits - 1) {
            const auto event = std::uint32_t(word * 64 + std::size_t(std::countr_zero(bits)));
            if (event >= project.events().size())
                break;
            (titleOf(event).contains(query, Qt::CaseInsensitive) ? inTitle : elsewhere)
                .push_back(event);
            if (inTitle.size() >= std::size_t(MaxMatches)
                || inTitle.size() + elsewhere.size() >= enough)
                break;
        }
        if (inTitle.size() >= std::size_t(MaxMatches)
            || inTitle.size() + elsewhere.size() >= enough)
            break;
    }
    m_matches = std::move(inTitle);
    for (const std::uint32_t event : elsewhere) {
        if (m_matches.size() >= std::size_t(MaxMatches))
            break;
        m_matches.push_back(event);
    }
    for (const std::uint32_t event : m_matches) {
        const FuzzyTime &when = project.events()[event].when;
        QString label = visibleText(titleOf(event));
        if (!when.isNull())
            label
                += QStringLiteral("  (") + QString::fromStdString(when.toEdtf()) + QLatin1Char(')');
        auto *item = new QStandardItem(label);
        item->setData(QVariant::fromValue(event), EventRole);
        item->setEditable(false);
        m_model->appendRow(item);
    }
    if (m_matches.empty())
        m_completer->popup()->hide();
    else
        m_completer->complete();
}

void EventPicker::finish()
{
    if (text().trimmed().isEmpty()) {
        const bool changed = m_event != NoIndex;
        setEvent(NoIndex);
        if (changed)
            Q_EMIT eventPicked(NoIndex);
        return;
    }
    setEvent(m_event); // typed but not picked: show the event it still is about
}

} // namespace claimline
