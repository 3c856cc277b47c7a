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
    writer::writeObjects(object, "annotations", project.annotations(annotations),
                         writer::nested(extras, "annotations"), keys::AnnotationKeys,
                         [&project](JsonObjectWriter &a, const Annotation &x) {
                             a.required("author", project.view(x.author));
                             a.key("at").string(x.at.toEdtf());
                             a.required("text", project.view(x.text));
                         });
}

} // namespace claimline
