#include "details/detailsview.h"

#include "common/connecteach.h"
#include "common/linkopener.h"
#include "document/document.h"
#include "document/selection.h"
#include "present/detailstext.h"
#include "text/visibletext.h"

#include <QMenu>
#include <QToolButton>

#include <QFontMetrics>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

namespace claimline {

DetailsView::DetailsView(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_text(new QPlainTextEdit(this))
    , m_linkOpener(std::make_unique<LinkOpener>())
    , m_refreshTimer(new QTimer(this))
{
    Q_ASSERT(document && selection);
    setObjectName(QStringLiteral("detailsView"));
    m_text->setObjectName(QStringLiteral("detailsText"));
    m_text->setReadOnly(true);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->document()->setDocumentMargin(8);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // Read-only: a dropped project file should reach the main window, not this view.
    m_text->setAcceptDrops(false);
    m_text->viewport()->setAcceptDrops(false);
    m_linkButton = new QToolButton(this);
    m_linkButton->setObjectName(QStringLiteral("detailsLinkButton"));
    m_linkButton->setText(tr("Open Link"));
    m_linkButton->setToolTip(tr("Open a source of this item in the browser (http and https "
                                "only; the address is shown first)"));
    m_linkButton->setPopupMode(QToolButton::InstantPopup);
    m_linkButton->setAutoRaise(true);
    m_linkMenu = new QMenu(m_linkButton);
    m_linkButton->setMenu(m_linkMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_text);
    layout->addWidget(m_linkButton, 0, Qt::AlignLeft);

    // One rebuild per event-loop turn, however many signals arrive in it.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &DetailsView::refresh);
    connect(m_selection, &Selection::changed, this, &DetailsView::scheduleRefresh);
    connectEach(m_document, this, &DetailsView::scheduleRefresh, &Document::reset,
                &Document::eventChanged, &Document::claimChanged, &Document::relationsChanged,
                &Document::structureChanged, &Document::partyChanged, &Document::actorChanged,
                &Document::sourceChanged, &Document::questionChanged, &Document::evidenceChanged);
    refresh();
}

DetailsView::~DetailsView() = default;

void DetailsView::setTimeZone(const QTimeZone &zone)
{
    const QTimeZone valid = zone.isValid() ? zone : QTimeZone::utc();
    if (valid == m_zone)
        return;
    m_zone = valid;
    scheduleRefresh();
}

QString DetailsView::text() const
{
    return m_text->toPlainText();
}

QSize DetailsView::sizeHint() const
{
    // Wide enough for a heading and a date on one line, narrow enough to leave the timeline
    // most of the window.
    const QFontMetrics metrics(m_text->font());
    return {metrics.averageCharWidth() * 62, metrics.lineSpacing() * 30};
}

bool DetailsView::openLink(int index)
{
    if (index < 0 || index >= m_links.size())
        return false;
    return m_linkOpener->open(m_links.at(index).second, this);
}

void DetailsView::updateLinks()
{
    m_links.clear();
    const Project &project = m_document->project();
    const ItemRef current = m_selection->current().isValid() || m_selection->isEmpty()
        ? m_selection->current()
        : m_selection->items().back();
    const auto addSource = [&](std::uint32_t source, const QString &prefix) {
        if (source >= project.sources().size())
            return;
        const Source &s = project.sources()[source];
        QString name = project.text(s.outlet);
        const QString title = project.text(s.title);
        if (!title.isEmpty())
            name = name.isEmpty() ? title : name + QStringLiteral(": ") + title;
        if (name.isEmpty())
            name = project.text(s.id);
        if (name.size() > 70)
            name = name.left(69) + QChar(0x2026);
        if (!s.url.isEmpty())
            m_links.append({prefix + visibleText(name), project.text(s.url)});
        if (!s.archiveUrl.isEmpty())
            m_links.append({tr("Archived copy: %1").arg(prefix + visibleText(name)),
                            project.text(s.archiveUrl)});
    };
    const auto addCitations = [&](IndexRange range) {
        for (const Citation &citation : project.citations(range))
            addSource(citation.source, {});
    };
    if (current.kind == ItemKind::Event && current.index < project.events().size())
        addCitations(project.events()[current.index].sources);
    else if (current.kind == ItemKind::Claim && current.index < project.claims().size())
        addCitations(project.claims()[current.index].sources);
    else if (current.kind == ItemKind::Source)
        addSource(current.index, {});

    m_linkMenu->clear();
    for (int i = 0; i < m_links.size(); ++i) {
        // Menu texts treat '&' as a mnemonic marker: double it so names show as written.
        QString label = m_links.at(i).first;
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_linkMenu->addAction(label);
        action->setToolTip(visibleText(m_links.at(i).second));
        connect(action, &QAction::triggered, this, [this, i] { openLink(i); });
    }
    m_linkButton->setVisible(!m_links.isEmpty());
}

void DetailsView::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void DetailsView::refresh()
{
    m_refreshTimer->stop();
    ++m_refreshCount;
    DetailsText builder(m_document->project(), m_zone);
    builder.setEvidence(&m_document->evidenceReport());
    const DetailsLines lines = builder.describe(m_selection->items(), m_selection->current());

    // An edit to the item shown should not throw the reader back to the top.
    const QString previousFirstLine = m_text->document()->firstBlock().text();
    const int scroll = m_text->verticalScrollBar()->value();

    // Formats by role: bold and size only, so colours stay the palette's.
    QTextCharFormat body;
    body.setFontWeight(QFont::Normal);
    QTextCharFormat strong = body;
    strong.setFontWeight(QFont::Bold);
    QTextCharFormat title = strong;
    const qreal pointSize = m_text->font().pointSizeF();
    if (pointSize > 0)
        title.setFontPointSize(pointSize * 1.25);

    m_text->clear();
    QTextCursor cursor(m_text->document());
    cursor.beginEditBlock();
    bool first = true;
    for (const DetailsLine &line : lines) {
        if (!first) {
            // Headings are set apart by an empty line, as in DetailsText::toPlainText().
            if (line.role == DetailsLine::Role::Heading)
                cursor.insertBlock(QTextBlockFormat(), body);
            cursor.insertBlock(QTextBlockFormat(), body);
        }
        first = false;
        switch (line.role) {
        case DetailsLine::Role::Title:
            cursor.insertText(line.text, title);
            break;
        case DetailsLine::Role::Heading:
            cursor.insertText(line.text, strong);
            break;
        case DetailsLine::Role::Field:
            cursor.insertText(line.label + QStringLiteral(": "), strong);
            cursor.insertText(line.text, body);
            break;
        case DetailsLine::Role::Item:
            cursor.insertText(QStringLiteral("• ") + line.text, body);
            break;
        case DetailsLine::Role::Detail:
            cursor.insertText(QStringLiteral("   ") + line.text, body);
            break;
        case DetailsLine::Role::Note:
        case DetailsLine::Role::Text:
            cursor.insertText(line.text, body);
            break;
        }
    }
    cursor.endEditBlock();
    Q_ASSERT(m_text->toPlainText() == DetailsText::toPlainText(lines));
    updateLinks();

    if (m_text->document()->firstBlock().text() == previousFirstLine)
        m_text->verticalScrollBar()->setValue(scroll);
    else
        m_text->verticalScrollBar()->setValue(0);
}

} // namespace claimline
