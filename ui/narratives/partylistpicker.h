#pragma once

// PartyListPicker: a push button whose menu chooses a list of parties. The menu offers
// presets (each party alone, sensible groups) and a checkable list to build any group; when
// the list is orderable, dragging its entries sets the order (the matrix's columns).

#include <QList>
#include <QPushButton>

#include <cstdint>
#include <vector>

class QAction;
class QListWidget;
class QMenu;

namespace claimline {

class Project;

class PartyListPicker final : public QPushButton
{
    Q_OBJECT

public:
    struct Preset
    {
        QString name;
        std::vector<std::uint32_t> parties;
    };

    explicit PartyListPicker(QWidget *parent = nullptr);
    ~PartyListPicker() override;

    void setOrderable(bool orderable);
    // Fills the menu for a project. The chosen parties are kept where they still exist.
    void setProject(const Project *project, const std::vector<Preset> &presets);
    const std::vector<std::uint32_t> &parties() const { return m_parties; }
    // Changes the choice without emitting partiesChanged().
    void setParties(const std::vector<std::uint32_t> &parties);
    // The checkable list (for tests).
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void partiesChanged(const std::vector<std::uint32_t> &parties);

private:
    void fillList();
    void readList();
    void choose(const std::vector<std::uint32_t> &parties);

    const Project *m_project = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_section = nullptr;
    QList<QAction *> m_presets;
    QListWidget *m_list = nullptr;
    std::vector<std::uint32_t> m_parties;
    bool m_filling = false;
};

} // namespace claimline
