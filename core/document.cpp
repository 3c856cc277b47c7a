#include "document.h"

#include "projectreader.h"
#include "projectwriter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QUndoCommand>
#include <QUndoStack>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace claimline {

namespace {

// Replaces one item's value with another and back. Items are small values whose text lives
// in the append-only arena, so swapping the whole item restores it exactly.
template<typename Item>
class ReplaceItemCommand final : public QUndoCommand
{
public:
    using Notify = void (Document::*)(std::uint32_t);

    ReplaceItemCommand(Document *document, std::vector<Item> &(Project::*items)(),
                       std::uint32_t index, Item after, Notify notify, int mergeId,
                       const QString &text)
        : QUndoCommand(text)
        , m_document(document)
        , m_items(items)
        , m_index(index)
        , m_before((document->mutableProject().*items)()[index])
        , m_after(after)
        , m_notify(notify)
        , m_mergeId(mergeId)
    {}

    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }
    int id() const override { return m_mergeId; }

    // Consecutive typing in one field of one item is one undo step.
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const ReplaceItemCommand *>(other);
        if (next->m_index != m_index || next->m_items != m_items)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    void apply(const Item &value)
    {
        Project &project = m_document->mutableProject();
        (project.*m_items)()[m_index] = value;
        project.invalidateIndexes();
        Q_EMIT(m_document->*m_notify)(m_index);
    }

    Document *m_document;
    std::vector<Item> &(Project::*m_items)();
    std::uint32_t m_index;
    Item m_before;
    Item m_after;
    Notify m_notify;
    int m_mergeId;
};

// Swaps the saved views (the `views` array, kept as JSON) with another value and back.
class SetViewsCommand final : public QUndoCommand
{
public:
    SetViewsCommand(Document *document, nlohmann::json views, const QString &text)
        : QUndoCommand(text)
        , m_document(document)
        , m_other(std::move(views))
    { }

    void redo() override { swap(); }
    void undo() override { swap(); }

private:
    void swap()
    {
        std::swap(m_document->mutableProject().views(), m_other);
        Q_EMIT m_document->viewsChanged();
    }

    Document *m_document;
    nlohmann::json m_other; // the views not in the project now
};

enum MergeId { EventTitle = 1, ClaimStatement = 2 };

QString quotedTitle(const Project &project, TextRef text)
{
    QString title = project.text(text);
    if (title.size() > 40)
        title = title.left(39) + QChar(0x2026);
    return QChar(0x2018) + title + QChar(0x2019);
}

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Document::~Document() = default;

QString Document::displayName() const
{
    if (m_filePath.isEmpty())
        return tr("Untitled");
    return QFileInfo(m_filePath).fileName();
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::setProject(Project project, const QString &filePath)
{
    m_project = std::move(project);
    // Clearing a modified stack emits cleanChanged(true), which already announces
    // modifiedChanged(false); emitting it here as well would announce it twice.
    m_undoStack->clear();
    m_undoStack->setClean();
    if (m_filePath != filePath) {
        m_filePath = filePath;
        Q_EMIT filePathChanged(m_filePath);
    }
    Q_EMIT reset();
}

Problems Document::load(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    LoadResult result = loadProject(path);
    if (!result.ok()) {
        spdlog::info("opening a project failed with {} problem(s)", result.problems.size());
        return std::move(result.problems);
    }
    spdlog::info("opened a project with {} events and {} claims in {} ms",
                 result.project->events().size(), result.project->claims().size(),
                 timer.elapsed());
    setProject(std::move(*result.project), QFileInfo(path).absoluteFilePath());
    return {};
}

void Document::markModified()
{
    m_undoStack->resetClean();
}

QString Document::save(const QString &path)
{
    const QString target = path.isEmpty() ? m_filePath : path;
    if (target.isEmpty())
        return tr("Choose a file name to save the project.");
    QElapsedTimer timer;
    timer.start();
    const QString error = saveProject(m_project, target);
    if (!error.isEmpty()) {
        spdlog::info("saving the project failed");
        return error;
    }
    spdlog::info("saved the project in {} ms", timer.elapsed());
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        Q_EMIT filePathChanged(m_filePath);
    }
    m_undoStack->setClean();
    return {};
}

void Document::setEventTitle(std::uint32_t event, const QString &title)
{
    Event after = m_project.events()[event];
    // Committing an unchanged field (an editor losing focus) is not an edit: it must not
    // add an undo step or mark the document modified.
    if (m_project.text(after.title) == title)
        return;
    const QString text = tr("Change title of %1").arg(quotedTitle(m_project, after.title));
    after.title = m_project.addText(title);
    m_undoStack->push(new ReplaceItemCommand<Event>(this, &Project::events, event, after,
                                                    &Document::eventChanged, EventTitle, text));
}

void Document::setEventStatus(std::uint32_t event, Status status)
{
    Event after = m_project.events()[event];
    if (after.status == status)
        return;
    const QString text = tr("Set status of %1 to %2")
                             .arg(quotedTitle(m_project, after.title),
                                  QString::fromUtf8(nameOf(status)));
    after.status = status;
    m_undoStack->push(new ReplaceItemCommand<Event>(this, &Project::events, event, after,
                                                    &Document::eventChanged, -1, text));
}

void Document::setClaimStatement(std::uint32_t claim, const QString &statement)
{
    Claim after = m_project.claims()[claim];
    if (m_project.text(after.statement) == statement)
        return; // not an edit (see setEventTitle)
    const QString text = tr("Change statement of %1").arg(quotedTitle(m_project, after.statement));
    after.statement = m_project.addText(statement);
    m_undoStack->push(new ReplaceItemCommand<Claim>(this, &Project::claims, claim, after,
                                                    &Document::claimChanged, ClaimStatement,
                                                    text));
}

void Document::setClaimStatus(std::uint32_t claim, Status status)
{
    Claim after = m_project.claims()[claim];
    if (after.status == status)
        return;
    const QString text = tr("Set status of %1 to %2")
                             .arg(quotedTitle(m_project, after.statement),
                                  QString::fromUtf8(nameOf(status)));
    after.status = status;
    m_undoStack->push(new ReplaceItemCommand<Claim>(this, &Project::claims, claim, after,
                                                    &Document::claimChanged, -1, text));
}

void Document::setViews(nlohmann::json views, const QString &actionText)
{
    if (views == m_project.views())
        return;
    m_undoStack->push(new SetViewsCommand(this, std::move(views), actionText));
}

} // namespace claimline
