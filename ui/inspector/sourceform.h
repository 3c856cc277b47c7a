#pragma once

// SourceForm: the Inspector's form for a source: title, outlet, URL, archived copy's URL,
// publication and access dates (EDTF, empty if unknown), language (BCP 47), reliability
// (Admiralty grade A–F), the evidence files pinned to it (AttachmentEditor) and internal notes.
//
// Title, outlet and notes commit as they are typed, merged into one undo step per field; the
// addresses, dates and language commit when their field is left. An unsafe address is
// refused with the reason under it, and one with look-alike letters or hidden characters is
// shown as it will open. Beside the addresses: Open Link, Look Up in the Wayback Machine and
// Open Archived Copy, through the LinkOpener (the check, the whole address, the user's yes).

#include "inspector/inspectorform.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace claimline {

class AttachmentEditor;
class LinkOpener;

class SourceForm final : public InspectorForm
{
    Q_OBJECT

public:
    SourceForm(Document *document, const LinkOpener *linkOpener, QWidget *parent = nullptr);

    QString heading() const override;

protected:
    void fill() override;
    void flushFields() override;

private:
    // A web address with the note under it and the button of its actions.
    struct AddressField
    {
        QLineEdit *edit = nullptr;
        QLabel *note = nullptr;
        QToolButton *button = nullptr;
    };
    AddressField addAddressRow(const QString &text, const char *name);
    void fillAddress(const AddressField &field, TextRef address);
    // Whether the field holds an address that may be saved; shows why not.
    bool checkAddress(const AddressField &field);
    void commitAddress(const AddressField &field);
    void updateActions();

    void commitPublished();
    void commitAccessed();
    void commitSourceLanguage();
    void commitReliability(int comboIndex);

    const LinkOpener *m_linkOpener = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_outlet = nullptr;
    AddressField m_url;
    AddressField m_archiveUrl;
    QAction *m_openLink = nullptr;
    QAction *m_waybackLookup = nullptr;
    QAction *m_openArchive = nullptr;
    TimeField m_published;
    TimeField m_accessed;
    LanguageField m_language;
    QComboBox *m_reliability = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    AttachmentEditor *m_attachments = nullptr;
};

} // namespace claimline
