// ELF64 reading for section digests: headers, section names, symtab and RELA entries only.
#include "elf_digest.h"

#include "core/core.h"

#include <cstring>
#include <elf.h>
#include <vector>

namespace hlsv::csim {

namespace {

class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}

    template <typename T> T at(std::size_t off) const {
        if (off > data_.size() || data_.size() - off < sizeof(T)) {
            throw InternalError("malformed object file: read past the end");
        }
        T v;
        std::memcpy(&v, data_.data() + off, sizeof(T));
        return v;
    }
    std::string_view bytes(std::size_t off, std::size_t len) const {
        if (off > data_.size() || data_.size() - off < len) {
            throw InternalError("malformed object file: section past the end");
        }
        return data_.substr(off, len);
    }
    std::string cstr(std::size_t off) const {
        if (off >= data_.size()) {
            return {};
        }
        const char* p = data_.data() + off;
        return std::string(p, strnlen(p, data_.size() - off));
    }

  private:
    std::string_view data_;
};

// "hlsv_v0012" -> "hlsv_vXXXX" everywhere in `s`.
std::string normalize(std::string s) {
    for (std::size_t p = s.find("hlsv_v"); p != std::string::npos; p = s.find("hlsv_v", p + 1)) {
        if (p + 10 <= s.size()) {
            bool digits = true;
            for (std::size_t i = p + 6; i < p + 10; ++i) {
                digits = digits && s[i] >= '0' && s[i] <= '9';
            }
            if (digits) {
                s.replace(p + 6, 4, "XXXX");
            }
        }
    }
    return s;
}

void put_u64(std::string& out, std::uint64_t v) {
    out.append(reinterpret_cast<char*>(&v), 8);
}

} // namespace

std::string slot_namespace(std::size_t index) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "hlsv_v%04zu", index);
    return buf;
}

SectionDigests section_digests(std::string_view object, std::string_view tag) {
    Reader r(object);
    if (object.size() < sizeof(Elf64_Ehdr) || std::memcmp(object.data(), ELFMAG, SELFMAG) != 0 ||
        object[EI_CLASS] != ELFCLASS64 || object[EI_DATA] != ELFDATA2LSB) {
        throw InternalError("not an ELF64 little-endian object");
    }
    auto eh = r.at<Elf64_Ehdr>(0);
    std::vector<Elf64_Shdr> sh;
    for (unsigned i = 0; i < eh.e_shnum; ++i) {
        sh.push_back(r.at<Elf64_Shdr>(eh.e_shoff + std::size_t(i) * eh.e_shentsize));
    }
    if (eh.e_shstrndx >= sh.size()) {
        throw InternalError("malformed object file: no section name table");
    }
    auto sec_name = [&](std::size_t i) {
        return r.cstr(sh[eh.e_shstrndx].sh_offset + sh[i].sh_name);
    };

    // The symbol table (relocatable objects have exactly one).
    std::vector<Elf64_Sym> syms;
    std::size_t strtab_off = 0;
    for (const auto& s : sh) {
        if (s.sh_type == SHT_SYMTAB && s.sh_entsize == sizeof(Elf64_Sym) && s.sh_link < sh.size()) {
            for (std::size_t k = 0; k < s.sh_size / sizeof(Elf64_Sym); ++k) {
                syms.push_back(r.at<Elf64_Sym>(s.sh_offset + k * sizeof(Elf64_Sym)));
            }
            strtab_off = sh[s.sh_link].sh_offset;
        }
    }

    auto wanted = [&](std::size_t i) {
        if (!(sh[i].sh_flags & SHF_ALLOC) || sh[i].sh_type == SHT_GROUP) {
            return false;
        }
        return tag.empty() || sec_name(i).find(tag) != std::string::npos;
    };

    // What a relocation points at, independent of where things landed in this object.
    auto describe_target = [&](const Elf64_Rela& rel) {
        std::string out;
        std::size_t si = ELF64_R_SYM(rel.r_info);
        if (si >= syms.size()) {
            return std::string("?");
        }
        const auto& sym = syms[si];
        if (ELF64_ST_TYPE(sym.st_info) == STT_SECTION && sym.st_shndx < sh.size()) {
            const auto& ts = sh[sym.st_shndx];
            std::string name = normalize(sec_name(sym.st_shndx));
            if ((ts.sh_flags & SHF_MERGE) && ts.sh_type != SHT_NOBITS && rel.r_addend >= 0 &&
                std::uint64_t(rel.r_addend) < ts.sh_size) {
                // Merged constants: the content at the addend, not its position.
                std::size_t off = ts.sh_offset + std::size_t(rel.r_addend);
                if (ts.sh_flags & SHF_STRINGS) {
                    return name + ":str:" + normalize(r.cstr(off)); // __FILE__ names a slot
                }
                std::size_t len = ts.sh_entsize ? ts.sh_entsize : 1;
                return name + ":cst:" +
                       std::string(r.bytes(off, std::min<std::size_t>(
                                                    len, ts.sh_size - std::size_t(rel.r_addend))));
            }
            return name + "+" + std::to_string(rel.r_addend);
        }
        return normalize(r.cstr(strtab_off + sym.st_name)) + "+" + std::to_string(rel.r_addend);
    };

    std::map<std::size_t, std::string> relocs; // target section -> serialized relocations
    for (const auto& s : sh) {
        if (s.sh_type != SHT_RELA || s.sh_info >= sh.size() || !wanted(s.sh_info)) {
            continue;
        }
        std::string& out = relocs[s.sh_info];
        for (std::size_t k = 0; k < s.sh_size / sizeof(Elf64_Rela); ++k) {
            auto rel = r.at<Elf64_Rela>(s.sh_offset + k * sizeof(Elf64_Rela));
            put_u64(out, rel.r_offset);
            put_u64(out, ELF64_R_TYPE(rel.r_info));
            out += describe_target(rel);
            out += '\0';
        }
    }

    SectionDigests digests;
    for (std::size_t i = 0; i < sh.size(); ++i) {
        if (!wanted(i)) {
            continue;
        }
        std::string blob;
        put_u64(blob, sh[i].sh_size);
        put_u64(blob, sh[i].sh_addralign);
        if (sh[i].sh_type != SHT_NOBITS) {
            blob += r.bytes(sh[i].sh_offset, sh[i].sh_size);
        }
        blob += '\1';
        blob += relocs[i];
        std::string name = normalize(sec_name(i));
        // Several sections may share a name (COMDAT groups): keep them all.
        auto& d = digests[name];
        d = sha256_hex(d + sha256_hex(blob));
    }
    return digests;
}

std::string combined_digest(const SectionDigests& d) {
    std::string all;
    for (const auto& [k, v] : d) {
        all += k + '\0' + v + '\n';
    }
    return sha256_hex(all);
}

} // namespace hlsv::csim
