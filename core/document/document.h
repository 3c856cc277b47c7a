#pragma once

// Document: the one place a project lives while the app runs.
//
// It owns the Project, its QUndoStack, the file path and the modified flag (the undo stack's
// clean state), and it announces every change with a precise signal so that each view can
// update just what changed. Nothing outside the Document changes the Project: views call the
// Document's editing functions, which push undo commands (commands/), so that every edit can
// be undone.

#include "document/structurechange.h"
#include "evidence/evidenceverifier.h"
#include "format/problem.h"
#include "model/project.h"

#include <QObject>
#include <QString>

#include <string>
#include <unordered_set>
#include <vector>

class QUndoStack;

namespace claimline {

// How deleting an item treats the items that refer to it (see deletion.h).
enum class DeleteMode : std::uint8_t {
    Cascade, // delete them too (and what refers to those)
    Reassign, // point them at another item of the same kind
    Detach, // keep them, without the reference (only where the reference is optional)
};

class Document final : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const Project &project() const { return m_project; }
    QUndoStack *undoStack() const { return m_undoStack; }

    QString filePath() const { return m_filePath; }
    // "novgorod-residence-allegation.claimline", or "Untitled" for a new project.
    QString displayName() const;
    bool isModified() const;

    // Replaces the project (a new, opened or reverted project): clears the undo history.
    void setProject(Project project, const QString &filePath = {});
    // Loads a file; on failure returns the problems and leaves the current project as it was.
    [[nodiscard]] Problems load(const QString &path);
    // Marks the document modified without an undo step (a project restored from a recovery
    // copy differs from its file, yet has nothing to undo).
    void markModified();
    // Saves to the path (or the current path); on failure returns the reason and stays
    // modified.
    [[nodiscard]] QString save(const QString &path = {});

    // --- editing, through undo commands ----------------------------------------------------
    void setEventTitle(std::uint32_t event, const QString &title);
    void setEventStatus(std::uint32_t event, Status status);
    void setClaimStatement(std::uint32_t claim, const QString &statement);
    void setClaimStatus(std::uint32_t claim, Status status);
    // Replaces the saved views (the file's `views` array, see savedview.h) as one undo step
    // named actionText ("Save view “Russia vs Ukraine”"). Setting the views they already are
    // does nothing.
    void setViews(nlohmann::json views, const QString &actionText);
    // Replaces the project by `after`, what an import made of a clone() of it (importer.h), as
    // one undo step named actionText ("Import 1,204 events from acled-ukraine.csv"): undo
    // brings back the project it replaced, exactly. Both announce reset(); the file path
    // stays, and the document is modified after it (undo makes it clean again if it was).
    void applyImport(Project after, const QString &actionText);

    // Any edit of one event or claim: `after` replaces the item as one undo step named
    // `actionText`. Edits with the same nonzero mergeKey in a row on the same item merge into
    // one step (typing in one field). Replacing an item by an equal value does nothing.
    // The caller builds `after` from the current item (text goes through addText()).
    enum class Field : int {
        None = -1,
        Title = 1, // 1 and 2 are the merge ids of setEventTitle and setClaimStatement
        Statement = 2,
        Summary,
        When,
        Location,
        Tags,
        Quote,
        MadeAt,
        Name,
        ShortName,
        Role,
        Outlet,
        Url,
        Published,
        Text,
        Excerpt,
        Notes,
        Description, // the project's (setMeta())
        PublicDescription,
        ArchiveUrl,
        Language,
        Accessed,
        QuoteLanguage,
        QuoteTranslation,
        Coordinates,
    };
    // Any kind of item: Event, Claim, Party, Actor, Source or Question (the kind follows from
    // `after`; defined for those six).
    template<typename Item>
    void edit(std::uint32_t index, const Item &after, const QString &actionText,
              Field field = Field::None);

    // The project's own fields (the file's `meta`: title, internal and public description…):
    // `after` replaces them as one undo step named `actionText`. Edits of the same nonzero
    // `field` in a row merge into one step (typing); setting the values they already have does
    // nothing. The caller builds `after` from meta() (text goes through addText()).
    void setMeta(const ProjectMeta &after, const QString &actionText, Field field = Field::None);

    // --- evidence (documentevidence.cpp) ------------------------------------------------------
    // The evidence folder of the project's file (evidencestore.h); none for an unsaved project,
    // whose files would have no folder to live in.
    bool hasEvidenceFolder() const { return !m_filePath.isEmpty(); }
    // Pins the files to the source (copies them into the evidence folder) and lists them on
    // it as one undo step ("Attach 2 files to ‘…’"); undo takes them off the list, the copies
    // stay. Returns how many were newly listed; the files that could not be pinned are in
    // *errors, one line each. Nothing is listed when any file fails (all or nothing).
    int attachFiles(std::uint32_t source, const QStringList &files, QStringList *errors);
    // Takes attachment `index` off the source's list as one undo step; the copy stays.
    bool removeAttachment(std::uint32_t source, std::uint32_t index);
    // The last verification of the evidence (verifyEvidence()): set by whoever ran it, kept
    // until the project is replaced. evidenceChanged() tells the views.
    const EvidenceReport &evidenceReport() const { return m_evidence; }
    void setEvidenceReport(EvidenceReport report);
    // Whether one of the source's files failed the last verification (missing, changed,
    // unreadable). By recorded path and hash, so it holds through renumbering and edits.
    bool evidenceFails(std::uint32_t source) const;
    // The files a Save As into another folder could not carry there (evidencestore.h:
    // carryTo()), from the last save; empty when all went or none had to.
    const QStringList &evidenceNotCarried() const { return m_evidenceNotCarried; }

    // --- creating and deleting ---------------------------------------------------------
    // Appends an item as one undo step ("Add event ‘Strike on Kyiv’") and returns its index,
    // or NoIndex when its id is empty or already taken (uniqueId() makes one).
    std::uint32_t addParty(const Party &party);
    std::uint32_t addActor(const Actor &actor);
    std::uint32_t addSource(const Source &source);
    std::uint32_t addEvent(const Event &event);
    std::uint32_t addQuestion(const Question &question);
    std::uint32_t addClaim(const Claim &claim);
    // An id no item has, made from a hint ("Lavrov: 91 drones" → "lavrov-91-drones", then
    // "-2", "-3"…); an empty hint gives the kind's name ("event-4").
    QString uniqueId(ItemKind kind, const QString &hint = {}) const;
    // The id an item should have once its name (title, statement, text) is `name`. An item
    // added since the project was last opened or saved has a provisional id that follows its
    // name ("New party" is `new-party`; named Russia it becomes `russia`); once saved, an id
    // never changes again, since other files and saved views may refer to it. Callers put the
    // result in the item they pass to the edit (edit()), which updates the id index.
    TextRef idFollowingName(ItemRef item, const QString &name);
    // Deletes the items, and treats what refers to them as `mode` says (deletion.h), as one
    // undo step that undo restores exactly (items at their places, references, relations).
    // `reassignTo` is the item of the same kind that referrers move to (Reassign only).
    // Returns false (and changes nothing) when there is nothing to delete or the plan is
    // refused (deletion.h says why).
    bool deleteItems(const std::vector<ItemRef> &items, DeleteMode mode,
                     std::uint32_t reassignTo = NoIndex);

    // Sets the party's position on the question (a short answer: "Yes", "91 drones") as one
    // undo step; empty text clears it. The text is made one line (runs of white space, line
    // breaks included, become one space; ends trimmed). Returns false, pushing nothing, when
    // the indices are invalid or the position already reads so.
    bool setPosition(std::uint32_t question, std::uint32_t party, const QString &text);

    // Background periods (model.h: Period), each change one undo step. addPeriod() appends a
    // period titled `title` (made one line) over `when` and returns its index; its id is made
    // from the title (Project::uniquePeriodId()) and never changes. editPeriod() changes the
    // title and time of one. Each returns NoIndex or false, pushing nothing, for an empty
    // title, a null time, an invalid index, or values the period already has.
    std::uint32_t addPeriod(const QString &title, const FuzzyTime &when);
    bool editPeriod(std::uint32_t index, const QString &title, const FuzzyTime &when);
    bool removePeriod(std::uint32_t index);

    // Sets the status of every event and claim among `items` as one undo step, recording in
    // each item's history when (now), to what and why; items already in that status are left
    // alone. Returns how many items changed.
    int setStatus(const std::vector<ItemRef> &items, Status status, const QString &reason);

    // --- the analyst's own layer (documentlayer.cpp; model.h: Annotation) -------------------
    // Adds the tags `add` to each item (any kind) and removes the tags `remove` from each, as
    // one undo step; each item keeps its other tags, in its order, and a tag added goes last
    // (none twice). A tag both added and removed is added. Items already so are left alone;
    // returns how many changed.
    int setTags(const std::vector<ItemRef> &items, const std::vector<std::string> &add,
                const std::vector<std::string> &remove);
    // Stars or unstars every item (any kind) as one undo step; returns how many changed.
    int setStarred(const std::vector<ItemRef> &items, bool starred);
    // Appends an annotation by `author` at `at` (now when null, in UTC to the second) to the
    // item's thread as one undo step. Refused (false, nothing pushed) for an item the project
    // does not have, a blank text or author, or an `at` that is no instant to the minute or
    // second (isAnnotationInstant()). The text keeps its lines, trimmed at the ends.
    bool addAnnotation(ItemRef item, const QString &author, const QString &text,
                       const FuzzyTime &at = {});
    // Replaces the text of the item's annotation `position` (its author and time stay) / takes
    // it off the thread, each one undo step. Refused for a position the item does not have,
    // a blank text, or the text it already has.
    bool editAnnotation(ItemRef item, std::uint32_t position, const QString &text);
    bool removeAnnotation(ItemRef item, std::uint32_t position);
    // Links claim `from` as answering claim `to` (a counter-claim unless kind is
    // Corroborates) as one undo step. Refused (returns false) for a claim answering itself or
    // a link that already exists with that kind.
    bool linkClaims(std::uint32_t from, std::uint32_t to, RelationKind kind);
    // Removes every relation between the two claims, either way, as one undo step; returns how
    // many were removed.
    int unlinkClaims(std::uint32_t a, std::uint32_t b);
    // A short quoted name for an item in undo texts and messages: ‘Lavrov: 91 drones’.
    QString quotedName(ItemRef item) const;

    // The values an edit is built from. Text, index lists, citations and words go into the
    // project's append-only pools: adding to them changes nothing anyone reads, so a view
    // builds the item it hands to addX() or editX() with these, never by writing the project.
    TextRef addText(const QString &text) { return m_project.addText(text); }
    TextRef addText(std::string_view text) { return m_project.addText(text); }
    IndexRange addIndices(std::span<const std::uint32_t> values)
    {
        return m_project.addIndices(values);
    }
    IndexRange addCitations(std::span<const Citation> values)
    {
        return m_project.addCitations(values);
    }
    std::uint32_t internWord(std::string_view word) { return m_project.internWord(word); }

Q_SIGNALS:
    // The whole project was replaced.
    void reset();
    void eventChanged(std::uint32_t event);
    void claimChanged(std::uint32_t claim);
    void partyChanged(std::uint32_t party);
    void actorChanged(std::uint32_t actor);
    void sourceChanged(std::uint32_t source);
    void questionChanged(std::uint32_t question);
    // Items were added or removed (see StructureChange). Sent after the change; relations
    // touched by it are announced by relationsChanged() as well.
    void structureChanged(const claimline::StructureChange &change);
    // Relations were added or removed (linkClaims, unlinkClaims, their undo or redo): relation
    // indexes changed, so anything showing answers rebuilds.
    void relationsChanged();
    // Positions were set, changed or cleared (setPosition, its undo or redo, and deleting a
    // question or party, which takes its positions along: after structureChanged()).
    void positionsChanged();
    // The saved views changed (setViews, its undo or redo).
    void viewsChanged();
    // The periods changed (addPeriod, editPeriod, removePeriod, their undo or redo).
    void periodsChanged();
    // The project's own fields changed (setMeta, its undo or redo).
    void metaChanged();
    // A new evidence report was set (setEvidenceReport), or the project replaced.
    void evidenceChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    // The undo commands (commands/) change the project through DocumentCommand::project(),
    // the one caller of mutableProject(), and emit the matching signal.
    friend class DocumentCommand;
    Project &mutableProject() { return m_project; }

    QString uniqueIdFor(ItemKind kind, const QString &hint, ItemRef self) const;
    template<typename Item>
    std::uint32_t addItem(const Item &item, const QString &text);
    template<typename Item>
    void setItemStatus(std::uint32_t index, Status status);

    Project m_project;
    QUndoStack *m_undoStack = nullptr;
    // Ids given since the last open or save (idFollowingName()).
    std::unordered_set<std::string> m_provisionalIds;
    QString m_filePath;
    EvidenceReport m_evidence;
    QStringList m_evidenceNotCarried;
};

} // namespace claimline
