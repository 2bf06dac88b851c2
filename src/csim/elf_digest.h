// A small ELF64 relocatable-object reader for trivial compiler equivalence: per allocated
// section, a digest of its bytes and relocations with symbol names normalized, so the same
// function compiled in two namespaces of one batch compares equal.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace hlsv::csim {

/// Normalized section name -> digest (hex SHA-256 of bytes + relocations).
using SectionDigests = std::map<std::string, std::string>;

/// Digests of the allocated sections of `object` (an ELF64 little-endian relocatable). With
/// `tag` non-empty only sections whose name contains `tag` count, and every "hlsv_vNNNN" in
/// section and symbol names is normalized. Relocations to mergeable constants/strings compare
/// by the referenced content, not by offset. Throws InternalError on a malformed object.
SectionDigests section_digests(std::string_view object, std::string_view tag = {});

/// One digest for a whole map (for duplicate detection).
std::string combined_digest(const SectionDigests& d);

/// "hlsv_v0007": the namespace of batch slot `index` (fixed width, so mangled names have the
/// same length in every slot).
std::string slot_namespace(std::size_t index);

} // namespace hlsv::csim
