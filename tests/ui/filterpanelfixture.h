#pragma once

// Shared by the FilterPanel tests: the sample in a panel of a dock's size, its controls found
// by object name, and what the Filter lets through counted against the file itself
// (samplefacts.h), so that a count cannot agree with the code under test by construction.

#include "document/document.h"
#include "document/filter.h"
#include "filter/filterpanel.h"
#include "samplefacts.h"
#include "testproject.h"
#include "testsupport.h"

#include <QListWidget>

#include <gtest/gtest.h>

#include <cstdint>
#include <set>

namespace claimline::test {

inline QListWidgetItem *itemWithData(QListWidget *list, std::uint32_t index)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toUInt() == index)
            return list->item(row);
    }
    ADD_FAILURE() << "no row for " << index;
    return nullptr;
}

class FilterPanelTest : public testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(document.load(samplePath()).empty());
        panel.resize(300, 700);
        panel.show();
    }

    template<typename T>
    T *child(const QString &name) const
    {
        T *widget = panel.findChild<T *>(name);
        EXPECT_NE(widget, nullptr) << name.toStdString();
        return widget;
    }
    const Project &p() const { return document.project(); }
    std::uint32_t party(std::string_view id) const { return indexOf(p(), id, ItemKind::Party); }

    // How many events and claims the Filter lets through.
    int eventsShown() const
    {
        int n = 0;
        for (std::uint32_t i = 0; i < p().events().size(); ++i)
            n += filter.acceptsEvent(p(), i) ? 1 : 0;
        return n;
    }
    int claimsShown() const
    {
        int n = 0;
        for (std::uint32_t i = 0; i < p().claims().size(); ++i)
            n += filter.acceptsClaim(p(), i) ? 1 : 0;
        return n;
    }
    // The sample's events involving any of these parties, and claims speaking for one, counted
    // in the file.
    static int eventsOfFile(const std::set<QString> &parties)
    {
        int n = 0;
        for (const QJsonObject &event : FileFacts().items("events")) {
            for (const QString &id : FileFacts::ids(event, "parties")) {
                if (parties.count(id) > 0) {
                    ++n;
                    break;
                }
            }
        }
        return n;
    }
    static int claimsOfFile(const std::set<QString> &parties)
    {
        const FileFacts facts;
        int n = 0;
        for (const QJsonObject &claim : facts.items("claims"))
            n += parties.count(facts.partyOfClaim(claim)) > 0 ? 1 : 0;
        return n;
    }

    Document document;
    Filter filter;
    FilterPanel panel {&document, &filter};
};

} // namespace claimline::test
