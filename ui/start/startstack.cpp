#include "start/startstack.h"

#include "document/document.h"
#include "model/project.h"
#include "start/startpage.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLayout>
#include <QTimer>

#include <algorithm>

namespace claimline {

namespace {

bool hasNothing(const Project &project)
{
    return project.events().empty() && project.claims().empty() && project.parties().empty()
        && project.actors().empty() && project.sources().empty() && project.questions().empty();
}

} // namespace

StartStack::StartStack(Document *document, QWidget *content, QWidget *hintTarget, QWidget *parent)
    : QStackedWidget(parent)
    , m_document(document)
    , m_startPage(new StartPage(this))
    , m_content(content)
    , m_hintTarget(hintTarget)
{
    setObjectName(QStringLiteral("startStack"));
    addWidget(m_content);
    addWidget(m_startPage);

    // The hint floats over the timeline without taking its clicks: double-clicking through it
    // is one of the ways it suggests to add an event.
    m_hint = new QLabel(m_hintTarget->parentWidget());
    m_hint->setObjectName(QStringLiteral("emptyProjectHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setMargin(14);
    m_hint->setFrameShape(QFrame::StyledPanel);
    m_hint->setAutoFillBackground(true);
    m_hint->setBackgroundRole(QPalette::Base);
    m_hint->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_hint->hide();
    m_hintTarget->installEventFilter(this);

    // A double click on a start page button opens on the first click; the second must not
    // land on the timeline that replaced the page (a double click there adds an event).
    connect(m_startPage, &StartPage::openFileRequested, this, &StartStack::guardDoubleClick);
    connect(m_startPage, &StartPage::newProjectRequested, this, &StartStack::guardDoubleClick);

    connect(m_document, &Document::reset, this, &StartStack::updatePage);
    connect(m_document, &Document::structureChanged, this, &StartStack::updatePage);
    connect(m_document, &Document::filePathChanged, this, &StartStack::updatePage);
    connect(m_document, &Document::modifiedChanged, this, &StartStack::updatePage);
    updatePage();
}

bool StartStack::isShowingStartPage() const
{
    return currentWidget() == m_startPage;
}

bool StartStack::isShowingHint() const
{
    return !m_hint->isHidden();
}

void StartStack::setHintText(const QString &text)
{
    m_hint->setText(text);
    placeHint();
}

void StartStack::setBlankByChoice(bool chosen)
{
    m_blankByChoice = chosen;
    updatePage();
}

void StartStack::updatePage()
{
    const Project &project = m_document->project();
    // Nothing open: no file, nothing in the project, nothing typed into it, and not a new
    // project the user asked for.
    const bool start = hasNothing(project) && m_document->filePath().isEmpty()
        && !m_document->isModified() && !m_blankByChoice;
    const bool wasStart = isShowingStartPage();
    QWidget *page = start ? static_cast<QWidget *>(m_startPage) : m_content;
    if (currentWidget() != page) {
        setCurrentWidget(page);
        // A stacked layout sizes only its current page: size this one now, not at the next
        // layout pass, so that whatever follows (a click on the timeline) finds it in place.
        layout()->setGeometry(contentsRect());
    }
    m_hint->setVisible(!start && project.events().empty() && project.claims().empty());
    if (m_hint->isVisibleTo(m_hint->parentWidget())) {
        m_hint->raise();
        placeHint();
    }
    if (start && !wasStart)
        Q_EMIT startPageShown();
}

void StartStack::placeHint()
{
    // Centred over the timeline, a readable measure wide, a third of the way down (the axis
    // and the lane names stay visible above it).
    const QRect target = m_hintTarget->geometry();
    const int width = std::min(target.width() - 32, 560);
    if (width <= 0)
        return;
    const int height = std::min(m_hint->heightForWidth(width), target.height());
    m_hint->setGeometry(target.x() + (target.width() - width) / 2,
                        target.y() + std::max(0, (target.height() - height) / 3), width, height);
}

void StartStack::guardDoubleClick()
{
    if (m_guardingDoubleClick)
        return;
    m_guardingDoubleClick = true;
    qApp->installEventFilter(this);
    QTimer::singleShot(QApplication::doubleClickInterval(), this, [this] {
        qApp->removeEventFilter(this);
        m_guardingDoubleClick = false;
    });
}

bool StartStack::eventFilter(QObject *watched, QEvent *event)
{
    if (m_guardingDoubleClick && event->type() == QEvent::MouseButtonDblClick)
        return true;
    if (watched == m_hintTarget
        && (event->type() == QEvent::Resize || event->type() == QEvent::Move
            || event->type() == QEvent::Show))
        placeHint();
    return QStackedWidget::eventFilter(watched, event);
}

} // namespace claimline
