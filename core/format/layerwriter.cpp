#include "format/layerwriter.h"

#include "format/writerparts.h"
#include "model/project.h"

namespace claimline {

void writeWords(JsonObjectWriter &object, const Project &project, std::string_view name,
                IndexRange range)
{
    if (range.count == 0)
        return;
    JsonOutput &out = object.key(name);
    out.raw('[');
    bool first = true;
    for (const std::uint32_t word : project.indices(range)) {
        if (!first)
            out.raw(", ");
        first = false;
        out.string(project.word(word));
    }
    out.raw(']');
}

void writeStarAndAnnotations(JsonObjectWriter &object, const Project &project, bool starred,
                             IndexRange annotations, const nlohmann::json *extras)
{
    if (starred)
        object.key("starred").raw("true");
    if (annotations.count == 0)
        return;
    const nlohmann::json *listExtras = writer::nested(extras, "annotations");
    JsonOutput &out = object.key("annotations");
    out.raw('[');
    const auto list = project.annotations(annotations);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0)
            out.raw(", ");
        JsonObjectWriter a(out);
        a.required("author", project.view(list[i].author));
        a.key("at").string(list[i].at.toEdtf());
        a.required("text", project.view(list[i].text));
        writer::writeUnknown(a, writer::nested(listExtras, i), keys::AnnotationKeys);
    }
    out.raw(']');
}

} // namespace claimline
