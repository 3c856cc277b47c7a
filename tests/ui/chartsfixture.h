#pragma once

// Shared by the chart tests: every chart kind, and the sample loaded with a filter and a
// selection.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "model/project.h"
#include "present/chartdata.h"
#include "testsupport.h"

#include <QTimeZone>

#include <gtest/gtest.h>

#include <array>

namespace claimline::test {

constexpr std::array<ChartKind, ChartKindCount> AllKinds {
    ChartKind::ClaimsPerDay, ChartKind::StanceMatrix, ChartKind::ResponseLag,
    ChartKind::StatusByParty, ChartKind::EventTempo};

struct Sample
{
    Document document;
    Filter filter;
    Selection selection;

    Sample() { EXPECT_TRUE(document.load(test::samplePath()).empty()); }
    const Project &project() const { return document.project(); }
    std::uint32_t index(const char *id) const
    {
        const auto item = project().find(id);
        EXPECT_TRUE(item.has_value()) << id;
        return item ? item->index : NoIndex;
    }
    ChartData chart(ChartKind kind, const QTimeZone &zone = QTimeZone::utc()) const
    {
        ChartRequest request;
        request.kind = kind;
        request.zone = zone;
        return computeChart(project(), filter, request);
    }
};

} // namespace claimline::test
