from .entry import main

# A worker process that multiprocessing spawns (dealcheck scan's cluster, --semantic's pool) imports the main
# module again, under another name: it must not run the program a second time.
if __name__ == "__main__":
    main()
