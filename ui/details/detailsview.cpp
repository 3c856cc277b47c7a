#include "detailsview.h"

#include "details/detailstext.h"
#include "document.h"
#include "selection.h"

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
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);

    // One rebuild per event-loop turn, however many signals arrive in it.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &DetailsView::refresh);
    connect(m_selection, &Selection::changed, this, &DetailsView::scheduleRefresh);
    connect(m_document, &Document::reset, this, &DetailsView::scheduleRefresh);
    connect(m_document, &Document::eventChanged, this, &DetailsView::scheduleRefresh);
    connect(m_document, &Document::claimChanged, this, &DetailsView::scheduleRefresh);
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

    if (m_text->document()->firstBlock().text() == previousFirstLine)
        m_text->verticalScrollBar()->setValue(scroll);
    else
        m_text->verticalScrollBar()->setValue(0);
}

} // namespace claimline
