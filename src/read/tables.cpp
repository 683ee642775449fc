// Several threads read files ahead; this thread replays what they read, file after file. A
// worker records a file's tables into chunks; the chunks of the file being replayed flow as
// they are made, and files further ahead wait in a bounded window and a bounded buffer.
#include "ntreport/read/tables.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "ntreport/read/input.hpp"
#include "recording.hpp"

namespace ntr {

namespace {

using tables::Chunk;
using tables::Recorder;

// Files a worker may start ahead of the one being replayed, per worker.
constexpr std::size_t kWindowPerJob = 8;
// Chunks of files other than the one being replayed wait while more than this is buffered.
constexpr std::size_t kMaxBuffered = 16U << 20;

void read_in_order(const std::vector<std::string>& paths, const ReadLimits& limits,
                   InputTableVisitor& out, Diagnostics& diags) {
  HeaderDetector detector(out, diags);
  for (const auto& path : paths) {
    out.begin_file(path);
    read_input(path, limits, detector, diags);
    out.end_file();
  }
}

class ParallelReader {
 public:
  ParallelReader(const std::vector<std::string>& paths, const ReadLimits& limits, unsigned jobs)
      : paths_(paths), limits_(limits), slots_(paths.size()), window_(kWindowPerJob * jobs) {
    workers_.reserve(jobs);
    for (unsigned i = 0; i < jobs; ++i) workers_.emplace_back([this] { work(); });
  }

  ~ParallelReader() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (auto& w : workers_) w.join();
  }

  ParallelReader(const ParallelReader&) = delete;
  ParallelReader& operator=(const ParallelReader&) = delete;

  // The next chunk of the file being replayed, waiting for it; false once the file is done.
  // A worker's exception is rethrown here, where reading in order would have thrown it.
  bool next(Chunk& chunk) {
    std::unique_lock<std::mutex> lock(mutex_);
    Slot& slot = slots_[head_];
    changed_.wait(lock, [&] { return !slot.chunks.empty() || slot.done; });
    if (slot.chunks.empty()) {
      if (slot.error) std::rethrow_exception(slot.error);
      return false;
    }
    chunk = std::move(slot.chunks.front());
    slot.chunks.pop_front();
    buffered_ -= chunk.bytes();
    lock.unlock();
    changed_.notify_all();
    return true;
  }

  // The file being replayed is done: the next one is.
  void advance() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      ++head_;
    }
    changed_.notify_all();
  }

 private:
  struct Slot {
    std::deque<Chunk> chunks;
    bool done = false;
    std::exception_ptr error;
  };

  void work() {
    Diagnostics local;
    std::size_t file = 0;
    Recorder recorder(local, [&](Chunk&& c) { push(file, std::move(c)); });
    HeaderDetector detector(recorder, local);
    while (take(file)) {
      local = Diagnostics();
      recorder.start();
      std::exception_ptr error;
      try {
        read_input(paths_[file], limits_, detector, local);
        recorder.finish();
      } catch (...) {
        error = std::current_exception();
      }
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        slots_[file].done = true;
        slots_[file].error = error;
      }
      changed_.notify_all();
    }
  }

  // The next file to read, once it is within the window; false when there is none or the
  // reading stops.
  bool take(std::size_t& file) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return stop_ || next_ >= slots_.size() || next_ < head_ + window_; });
    if (stop_ || next_ >= slots_.size()) return false;
    file = next_++;
    return true;
  }

  // Hands a chunk on; a file ahead of the one being replayed waits while the buffer is full.
  // The file being replayed never waits, so the replay always moves on.
  void push(std::size_t file, Chunk&& chunk) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return stop_ || file == head_ || buffered_ < kMaxBuffered; });
    if (stop_) return;
    buffered_ += chunk.bytes();
    slots_[file].chunks.push_back(std::move(chunk));
    lock.unlock();
    changed_.notify_all();
  }

  const std::vector<std::string>& paths_;
  const ReadLimits& limits_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Slot> slots_;
  std::size_t window_;
  std::size_t head_ = 0;      // the file being replayed
  std::size_t next_ = 0;      // the next file to read
  std::size_t buffered_ = 0;  // bytes of chunks waiting
  bool stop_ = false;
  std::vector<std::thread> workers_;  // last: started once everything above is ready
};

}  // namespace

unsigned default_read_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return std::clamp(cores, 1U, 8U);
}

void read_tables(const std::vector<std::string>& paths, const ReadLimits& limits, unsigned jobs,
                 InputTableVisitor& out, Diagnostics& diags) {
  if (jobs == 0) jobs = default_read_jobs();
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, paths.size()));
  if (jobs <= 1) return read_in_order(paths, limits, out, diags);
  ParallelReader reader(paths, limits, jobs);
  Chunk chunk;
  for (const auto& path : paths) {
    out.begin_file(path);
    while (reader.next(chunk)) chunk.replay(out, diags);
    out.end_file();
    reader.advance();
  }
}

}  // namespace ntr
