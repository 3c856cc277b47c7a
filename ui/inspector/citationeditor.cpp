#include "inspector/citationeditor.h"

#include "document/document.h"
#include "text/quotedtext.h"
#include "text/visibletext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace claimline {

namespace {

// One line of a long text: a list row or a combo entry never grows wider than the dock.
QString shortened(const QString &text, int length)
{
    const QString visible = visibleText(text);
    return visible.size() <= length ? visible : visible.left(length - 1) + QChar(0x2026);
}

} // namespace

CitationEditor::CitationEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    Q_ASSERT(document);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("inspectorCitations"));
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    // Rows as wide as the list, elided: a long title never scrolls the list sideways.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const QFontMetrics metrics(font());
    m_list->setFixedHeight(metrics.lineSpacing() * 4 + 8);

    m_excerpt = new QPlainTextEdit(this);
    m_excerpt->setObjectName(QStringLiteral("inspectorExcerpt"));
    m_excerpt->setTabChangesFocus(true);
    m_excerpt->setPlaceholderText(tr("Excerpt: the passage that supports it"));
    m_excerpt->setFixedHeight(metrics.lineSpacing() * 3 + 12);

    m_sourceChoice = new QComboBox(this);
    m_sourceChoice->setObjectName(QStringLiteral("inspectorCiteSource"));
    m_sourceChoice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sourceChoice->setMinimumContentsLength(12);
    m_sourceChoice->setToolTip(tr("A source to cite"));
    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(QStringLiteral("inspectorCiteAdd"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("inspectorCiteRemove"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_sourceChoice, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_list);
    layout->addWidget(m_excerpt);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (!m_updating)
            showExcerpt();
    });
    connect(m_excerpt, &QPlainTextEdit::textChanged, this, &CitationEditor::commitExcerpt);
    connect(m_add, &QPushButton::clicked, this, &CitationEditor::add);
    connect(m_remove, &QPushButton::clicked, this, &CitationEditor::remove);
    showExcerpt();
}

CitationEditor::~CitationEditor()
{
    // The children go after this body, and a plain-text edit announces textChanged as it
    // goes: that is no edit.
    for (QObject *field : std::initializer_list<QObject *> {m_list, m_excerpt, m_add, m_remove})
        disconnect(field, nullptr, this, nullptr);
}

int CitationEditor::currentRow() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < int(m_citations.size()) ? row : -1;
}

void CitationEditor::setCitations(std::span<const Citation> citations, bool newItem)
{
    const Project &project = m_document->project();
    m_updating = true;
    fillSources();
    const int previous = m_list->currentRow();
    m_citations.assign(citations.begin(), citations.end());
    // Few citations per item: the rows are rebuilt, the chosen one kept.
    m_list->clear();
    for (const Citation &citation : m_citations) {
        const QString title = citation.source < project.sources().size()
            ? project.text(project.sources()[citation.source].title)
            : tr("(missing source)");
        const QString excerpt = project.text(citation.excerpt);
        QString row = shortened(title, 60);
        // A source whose evidence failed its last check says so wherever it is cited.
        const bool fails = m_document->evidenceFails(citation.source);
        if (fails)
            row = QStringLiteral("⚠ ") + row;
        if (!excerpt.isEmpty())
            row += QStringLiteral(" — ") + inQuotes(shortened(excerpt, 80));
        auto *item = new QListWidgetItem(row, m_list);
        QString tip = visibleText(excerpt.isEmpty() ? title : title + QLatin1Char('\n') + excerpt);
        if (fails)
            tip = tr("Evidence failed verification (Tools ▸ Verify Evidence…)") + QLatin1Char('\n')
                + tip;
        item->setToolTip(tip);
    }
    int row = newItem ? 0 : previous;
    if (m_pendingRow >= 0 && !newItem)
        row = m_pendingRow;
    m_pendingRow = -1;
    if (!m_citations.empty())
        m_list->setCurrentRow(std::clamp(row, 0, int(m_citations.size()) - 1));
    showExcerpt();
    m_updating = false;
}

void CitationEditor::fillSources()
{
    const Project &project = m_document->project();
    QStringList names;
    names.reserve(qsizetype(project.sources().size()));
    for (const Source &source : project.sources())
        names << shortened(project.text(source.title), 70);
    if (names == m_sourceNames)
        return;
    const int current = m_sourceChoice->currentIndex();
    m_sourceNames = names;
    m_sourceChoice->clear();
    m_sourceChoice->addItems(names);
    m_sourceChoice->setCurrentIndex(std::min(std::max(current, 0), int(names.size()) - 1));
    m_add->setEnabled(!names.isEmpty());
}

void CitationEditor::showExcerpt()
{
    const int row = currentRow();
    const bool had = m_updating;
    m_updating = true;
    m_excerpt->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    // The excerpt commits as it is typed, so it differs from the model only after an edit
    // made elsewhere (an undo): then it shows the model, as the other text fields do.
    const QString text
        = row >= 0 ? m_document->project().text(m_citations[std::size_t(row)].excerpt) : QString();
    if (m_excerpt->toPlainText() != text)
        m_excerpt->setPlainText(text);
    m_updating = had;
}

void CitationEditor::add()
{
    const int source = m_sourceChoice->currentIndex();
    if (source < 0 || std::size_t(source) >= m_document->project().sources().size())
        return;
    std::vector<Citation> after = m_citations;
    after.push_back({std::uint32_t(source), {}});
    m_pendingRow = int(after.size()) - 1;
    Q_EMIT edited(after, Change::Add, std::uint32_t(source));
}

void CitationEditor::remove()
{
    const int row = currentRow();
    if (row < 0)
        return;
    std::vector<Citation> after = m_citations;
    const std::uint32_t source = after[std::size_t(row)].source;
    after.erase(after.begin() + row);
    m_pendingRow = std::min(row, int(after.size()) - 1);
    Q_EMIT edited(after, Change::Remove, source);
}

void CitationEditor::commitExcerpt()
{
    const int row = currentRow();
    if (m_updating || row < 0)
        return;
    std::vector<Citation> after = m_citations;
    Citation &citation = after[std::size_t(row)];
    // The excerpt goes into the Document's append-only text pool; the item changes only
    // through the Inspector's edit.
    citation.excerpt = m_document->addText(m_excerpt->toPlainText());
    m_pendingRow = row;
    Q_EMIT edited(after, Change::Excerpt, citation.source);
}

} // namespace claimline
