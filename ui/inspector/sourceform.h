#pragma once

// SourceForm: the Inspector's form for a source: title, outlet, URL, publication date (EDTF,
// empty if unknown) and reliability (Admiralty grade A–F).
//
// Title and outlet commit as they are typed, merged into one undo step per field; the URL and
// the date commit when their field is left. An unsafe URL is refused with the reason under
// it, and an address with look-alike letters or hidden characters is shown as it will open.

#include "inspector/inspectorform.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace claimline {

class SourceForm final : public InspectorForm
{
    Q_OBJECT

public:
    explicit SourceForm(Document *document, QWidget *parent = nullptr);

    QString heading() const override;
    void flushPending() override;

protected:
    void fill() override;

private:
    // Whether the URL field holds an address that may be saved; shows why not.
    bool checkUrl();

    void commitTitle();
    void commitOutlet();
    void commitUrl();
    void commitPublished();
    void commitReliability(int comboIndex);

    QLineEdit *m_title = nullptr;
    QLineEdit *m_outlet = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlNote = nullptr;
    TimeField m_published;
    QComboBox *m_reliability = nullptr;
};

} // namespace claimline
